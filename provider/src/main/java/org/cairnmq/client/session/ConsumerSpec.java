package org.cairnmq.client.session;

import org.cairnmq.protocol.record.DestinationKind;

/**
 * What the broker needs to (re-)create a consumer; kept by the channel so that a consumer can be
 * created again on a new connection after a reconnect.
 *
 * @param consumerId the client-chosen consumer id
 * @param sessionId the client-chosen id of the consumer's session
 * @param kind the destination kind
 * @param destinationName the destination name
 * @param selector the message selector, or {@code null}
 * @param flags the {@code CreateConsumerCodec} flag bits
 * @param subscriptionName the subscription name, or {@code null}
 */
public record ConsumerSpec(long consumerId, long sessionId, DestinationKind kind, String destinationName,
                           String selector, int flags, String subscriptionName) {
}
