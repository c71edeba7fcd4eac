package org.cairnmq.server.broker.internal;

import java.nio.charset.StandardCharsets;

/**
 * The publisher tag the broker stores as each message's ConsumeQueue tags code, so that a noLocal
 * subscription can skip its own connection's messages (docs/PROTOCOL.md, noLocal).
 *
 * <pre>
 *  client id set:  0 | 63-bit FNV-1a hash of the client id (UTF-8)   (same for every connection of that id)
 *  no client id:   1 | 63-bit connection id
 * </pre>
 */
final class PublisherTags {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long HIGH_BIT = 1L << 63;

    private PublisherTags() {
    }

    /**
     * @param clientId the connection's client id, or null
     * @param connectionId the connection id
     * @return the tag
     */
    static long of(String clientId, long connectionId) {
        if (clientId == null) {
            return HIGH_BIT | connectionId;
        }
        long hash = FNV_OFFSET;
        for (byte b : clientId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash & ~HIGH_BIT;
    }
}
