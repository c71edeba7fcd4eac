package org.cairnmq.server.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The broker core's settings. Immutable; read from {@code broker.*} properties with
 * {@link #fromProperties}.
 *
 * @param dataDirectory {@code broker.dataDirectory}: where the broker keeps its own small files (the
 *     destination registry and the delivered marks), beside the store's. Default {@code data/broker}.
 * @param autoCreateDestinations {@code broker.autoCreateDestinations}: whether a send, consumer or
 *     browse naming an unknown queue creates it; when off they fail with INVALID_DESTINATION.
 *     Default {@code true}.
 * @param defaultQueueCount {@code broker.defaultQueueCount}, queues: how many store queues a new
 *     destination gets when its creator does not say. Default {@value #DEFAULT_QUEUE_COUNT}.
 * @param duplicateWindowMs {@code broker.duplicateWindowMs}, milliseconds: a resend of a message id
 *     stored less than this long ago is answered OK and not stored again. Default 10 minutes.
 * @param maxMessageBytes {@code broker.maxMessageBytes}, bytes: the longest message record a SEND may
 *     carry; longer ones fail with MESSAGE_TOO_LARGE. Default 1 MiB.
 * @param diskHighWaterRatio {@code broker.diskHighWaterRatio}, ratio 0..1 of the store volume: above
 *     it, sends wait (producer flow control). Default {@value #DEFAULT_DISK_HIGH_WATER_RATIO}.
 * @param producerBlockMs {@code broker.producerBlockMs}, milliseconds: how long a send waits for the
 *     disk to fall below the high-water mark before it fails with RESOURCE_ALLOCATION. Default
 *     {@value #DEFAULT_PRODUCER_BLOCK_MS}.
 * @param delivery expiry queue, dead-letter queue and redelivery policies ({@link DeliveryConfig})
 */
public record BrokerConfig(Path dataDirectory, boolean autoCreateDestinations, int defaultQueueCount,
        long duplicateWindowMs, int maxMessageBytes, double diskHighWaterRatio, long producerBlockMs,
        DeliveryConfig delivery) {

    /** Prefix of every property this record reads. */
    public static final String PREFIX = "broker.";
    /** Default {@link #defaultQueueCount()}. */
    public static final int DEFAULT_QUEUE_COUNT = 4;
    /** Default {@link #duplicateWindowMs()}: 10 minutes. */
    public static final long DEFAULT_DUPLICATE_WINDOW_MS = 10L * 60 * 1_000;
    /** Default {@link #maxMessageBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;
    /** Default {@link #diskHighWaterRatio()}. */
    public static final double DEFAULT_DISK_HIGH_WATER_RATIO = 0.85;
    /** Default {@link #producerBlockMs()}. */
    public static final long DEFAULT_PRODUCER_BLOCK_MS = 5_000L;
    /** The most queues a destination may have. */
    public static final int MAX_QUEUE_COUNT = 1_024;

    /** Validates the settings. */
    public BrokerConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(delivery, "delivery");
        if (defaultQueueCount < 1 || defaultQueueCount > MAX_QUEUE_COUNT) {
            throw new IllegalArgumentException("defaultQueueCount must be 1.." + MAX_QUEUE_COUNT);
        }
        if (duplicateWindowMs < 0 || producerBlockMs < 0 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("duplicateWindowMs and producerBlockMs must not be negative, "
                    + "maxMessageBytes must be positive");
        }
        if (!(diskHighWaterRatio > 0 && diskHighWaterRatio <= 1)) {
            throw new IllegalArgumentException("diskHighWaterRatio must be in (0, 1]: " + diskHighWaterRatio);
        }
    }

    /**
     * @param dataDirectory where the broker keeps its files
     * @return the defaults with that directory
     */
    public static BrokerConfig defaults(Path dataDirectory) {
        return new BrokerConfig(dataDirectory, true, DEFAULT_QUEUE_COUNT, DEFAULT_DUPLICATE_WINDOW_MS,
                DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_DISK_HIGH_WATER_RATIO, DEFAULT_PRODUCER_BLOCK_MS, DeliveryConfig.defaults());
    }

    /**
     * Reads the {@code broker.*} keys; a missing key takes its default.
     *
     * @param properties the properties (other keys are ignored)
     * @return the settings
     * @throws IllegalArgumentException when a value does not parse or is out of range
     */
    public static BrokerConfig fromProperties(Map<String, String> properties) {
        String directory = properties.getOrDefault(PREFIX + "dataDirectory", "data/broker");
        try {
            return new BrokerConfig(Path.of(directory),
                    Boolean.parseBoolean(properties.getOrDefault(PREFIX + "autoCreateDestinations", "true")),
                    Integer.parseInt(properties.getOrDefault(PREFIX + "defaultQueueCount", "" + DEFAULT_QUEUE_COUNT)),
                    Long.parseLong(properties.getOrDefault(PREFIX + "duplicateWindowMs",
                            "" + DEFAULT_DUPLICATE_WINDOW_MS)),
                    Integer.parseInt(properties.getOrDefault(PREFIX + "maxMessageBytes",
                            "" + DEFAULT_MAX_MESSAGE_BYTES)),
                    Double.parseDouble(properties.getOrDefault(PREFIX + "diskHighWaterRatio",
                            "" + DEFAULT_DISK_HIGH_WATER_RATIO)),
                    Long.parseLong(properties.getOrDefault(PREFIX + "producerBlockMs", "" + DEFAULT_PRODUCER_BLOCK_MS)),
                    DeliveryConfig.fromProperties(properties));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a broker.* property does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * @param value the new {@link #autoCreateDestinations()}
     * @return a copy with it
     */
    public BrokerConfig withAutoCreateDestinations(boolean value) {
        return new BrokerConfig(dataDirectory, value, defaultQueueCount, duplicateWindowMs, maxMessageBytes,
                diskHighWaterRatio, producerBlockMs, delivery);
    }

    /**
     * @param value the new {@link #defaultQueueCount()}
     * @return a copy with it
     */
    public BrokerConfig withDefaultQueueCount(int value) {
        return new BrokerConfig(dataDirectory, autoCreateDestinations, value, duplicateWindowMs, maxMessageBytes,
                diskHighWaterRatio, producerBlockMs, delivery);
    }

    /**
     * @param value the new {@link #maxMessageBytes()}
     * @return a copy with it
     */
    public BrokerConfig withMaxMessageBytes(int value) {
        return new BrokerConfig(dataDirectory, autoCreateDestinations, defaultQueueCount, duplicateWindowMs, value,
                diskHighWaterRatio, producerBlockMs, delivery);
    }

    /**
     * @param ratio the new {@link #diskHighWaterRatio()}
     * @param blockMs the new {@link #producerBlockMs()}
     * @return a copy with them
     */
    public BrokerConfig withProducerFlowControl(double ratio, long blockMs) {
        return new BrokerConfig(dataDirectory, autoCreateDestinations, defaultQueueCount, duplicateWindowMs,
                maxMessageBytes, ratio, blockMs, delivery);
    }

    /**
     * @param value the new {@link #delivery()}
     * @return a copy with it
     */
    public BrokerConfig withDelivery(DeliveryConfig value) {
        return new BrokerConfig(dataDirectory, autoCreateDestinations, defaultQueueCount, duplicateWindowMs,
                maxMessageBytes, diskHighWaterRatio, producerBlockMs, value);
    }
}
