package org.cairnmq.server.broker;

/**
 * How a destination redelivers a message returned counted (recover, rollback, session or connection
 * close), and when it gives up and dead-letters it.
 *
 * @param delayMs {@code broker.redelivery.<pattern>.delayMs}, milliseconds: the wait before the first
 *     redelivery. Default 0.
 * @param multiplier {@code broker.redelivery.<pattern>.multiplier}: each further redelivery waits the
 *     previous wait times this (at least 1). Default 1.
 * @param maxDelayMs {@code broker.redelivery.<pattern>.maxDelayMs}, milliseconds: the longest wait; 0
 *     for no cap. Default 0.
 * @param maxDeliveryAttempts {@code broker.redelivery.<pattern>.maxDeliveryAttempts}, deliveries: after
 *     this many the message goes to the dead-letter queue instead of back; -1 for never. Default
 *     {@value #DEFAULT_MAX_DELIVERY_ATTEMPTS}.
 */
public record RedeliveryPolicy(long delayMs, double multiplier, long maxDelayMs, int maxDeliveryAttempts) {

    /** Default {@link #maxDeliveryAttempts()}. */
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;
    /** The built-in policy: redeliver at once, dead-letter after ten deliveries. */
    public static final RedeliveryPolicy DEFAULT = new RedeliveryPolicy(0L, 1.0, 0L, DEFAULT_MAX_DELIVERY_ATTEMPTS);

    /** Validates the settings. */
    public RedeliveryPolicy {
        if (delayMs < 0 || maxDelayMs < 0 || !(multiplier >= 1.0) || maxDeliveryAttempts == 0
                || maxDeliveryAttempts < -1) {
            throw new IllegalArgumentException("redelivery policy needs delayMs >= 0, maxDelayMs >= 0, "
                    + "multiplier >= 1 and maxDeliveryAttempts >= 1 or -1");
        }
    }

    /**
     * @param deliveries how many times the message was delivered so far (1 after the first)
     * @return whether it must be dead-lettered rather than delivered again
     */
    public boolean exhausted(int deliveries) {
        return maxDeliveryAttempts != -1 && deliveries >= maxDeliveryAttempts;
    }

    /**
     * @param deliveries how many times the message was delivered so far (1 after the first)
     * @return how long to wait before the next delivery, in milliseconds
     */
    public long delayBeforeRedeliveryMs(int deliveries) {
        if (delayMs == 0) {
            return 0L;
        }
        double delay = delayMs * Math.pow(multiplier, Math.max(0, deliveries - 1));
        long capped = maxDelayMs > 0 ? (long) Math.min(delay, maxDelayMs) : (long) Math.min(delay, Long.MAX_VALUE / 2);
        return Math.max(0L, capped);
    }
}
