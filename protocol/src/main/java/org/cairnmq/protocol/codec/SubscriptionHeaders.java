package org.cairnmq.protocol.codec;

/**
 * The message property names and values that the pub/sub and delivery features of the protocol give
 * a meaning to (docs/PROTOCOL.md, "Message properties the broker reads and writes"). Properties are
 * ordinary record properties; these constants keep both sides spelling them alike.
 */
public final class SubscriptionHeaders {

    /** String property: the producer's duplicate-detection key; when absent the message id is used. */
    public static final String DUPLICATE_ID = "JMS_Cairn_DuplicateID";
    /** String property: messages with the same value go to one consumer at a time, in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    /** String property the broker sets on a dead-lettered or expired copy: the original destination's name. */
    public static final String ORIGINAL_DESTINATION = "JMS_Cairn_OriginalDestination";
    /** String property: the original destination's kind, a {@code DestinationKind} name (QUEUE, TOPIC...). */
    public static final String ORIGINAL_DESTINATION_KIND = "JMS_Cairn_OriginalDestinationKind";
    /** String property: the subscription (consumer group) the copy left; absent for a queue. */
    public static final String ORIGINAL_SUBSCRIPTION = "JMS_Cairn_OriginalSubscription";
    /** String property: why the broker moved the message, {@link #REASON_MAX_DELIVERIES} or {@link #REASON_EXPIRED}. */
    public static final String DEAD_LETTER_REASON = "JMS_Cairn_DeadLetterReason";
    /** Int property: how many times the message was delivered before it was moved. */
    public static final String DELIVERY_ATTEMPTS = "JMS_Cairn_DeliveryAttempts";
    /** Long property: the original JMSExpiration of an expired copy (the copy itself never expires). */
    public static final String ORIGINAL_EXPIRATION = "JMS_Cairn_OriginalExpiration";
    /** Reason value: the redelivery policy's maxDeliveryAttempts was reached. */
    public static final String REASON_MAX_DELIVERIES = "MAX_DELIVERY_ATTEMPTS";
    /** Reason value: the message expired before it could be delivered. */
    public static final String REASON_EXPIRED = "EXPIRED";

    private SubscriptionHeaders() {
    }

    /**
     * The store queue a message group hashes to (producer and broker use the same rule).
     *
     * @param groupId the JMSXGroupID value
     * @param queueCount the destination's queue count, positive
     * @return the queue id
     */
    public static int queueOfGroup(final String groupId, final int queueCount) {
        return Math.floorMod(groupId.hashCode(), queueCount);
    }
}
