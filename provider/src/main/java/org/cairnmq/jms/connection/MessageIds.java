package org.cairnmq.jms.connection;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the message ids of one connection: {@code "ID:" + a random connection prefix + "-" + a
 * counter}. Unique across connections and processes without coordination, and one string
 * concatenation per message.
 */
final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    MessageIds() {
        this.prefix = "ID:" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36)
            + Long.toString(System.currentTimeMillis(), 36) + "-";
    }

    /** Returns the next id. */
    String next() {
        return prefix + counter.incrementAndGet();
    }

    /** A unique name for a temporary destination of this connection. */
    String temporaryName(final String kindPrefix) {
        return kindPrefix + prefix.substring(3) + counter.incrementAndGet();
    }
}
