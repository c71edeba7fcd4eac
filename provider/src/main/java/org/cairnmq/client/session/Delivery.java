package org.cairnmq.client.session;

/**
 * One DELIVER frame: a message the broker pushed to a consumer.
 *
 * @param consumerId the consumer it is for
 * @param deliveryId the broker's id for this delivery, used to acknowledge it
 * @param deliveryCount 1 on first delivery, more on redelivery
 * @param record a copy of the message record, independent of the frame buffer
 */
public record Delivery(long consumerId, long deliveryId, int deliveryCount, byte[] record) {
}
