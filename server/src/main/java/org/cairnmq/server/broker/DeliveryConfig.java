package org.cairnmq.server.broker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Expiry, dead-letter and redelivery settings, read from {@code broker.*} properties.
 *
 * <p>Redelivery policies are keyed by a destination-name pattern:
 * {@code broker.redelivery.<pattern>.<setting>} with the settings of {@link RedeliveryPolicy}. In a
 * pattern {@code *} matches any run of characters (dots included), every other character itself, so
 * {@code *} is the catch-all default, {@code orders.*} matches {@code orders.eu} and {@code orders.eu.x}.
 * A destination (queue or topic, by its name) takes the policy of the most specific matching pattern
 * (the most non-{@code *} characters; on a tie the pattern defined first); a setting a pattern leaves
 * out takes the value of the {@code *} pattern, else the built-in default ({@link RedeliveryPolicy#DEFAULT}).
 *
 * @param expiryQueue {@code broker.expiryQueue}: the queue that receives expired messages. Default
 *     {@value #DEFAULT_EXPIRY_QUEUE}.
 * @param deadLetterQueue {@code broker.deadLetterQueue}: the queue that receives messages past their
 *     maxDeliveryAttempts. Default {@value #DEFAULT_DEAD_LETTER_QUEUE}.
 * @param redelivery the policies by pattern, in definition order
 */
public record DeliveryConfig(String expiryQueue, String deadLetterQueue, Map<String, RedeliveryPolicy> redelivery) {

    /** Default {@link #expiryQueue()}. */
    public static final String DEFAULT_EXPIRY_QUEUE = "ExpiryQueue";
    /** Default {@link #deadLetterQueue()}. */
    public static final String DEFAULT_DEAD_LETTER_QUEUE = "DLQ";
    /** The catch-all pattern. */
    public static final String MATCH_ALL = "*";
    private static final String REDELIVERY_PREFIX = BrokerConfig.PREFIX + "redelivery.";

    /** Validates and freezes the settings. */
    public DeliveryConfig {
        Objects.requireNonNull(expiryQueue, "expiryQueue");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        if (expiryQueue.isEmpty() || deadLetterQueue.isEmpty()) {
            throw new IllegalArgumentException("expiryQueue and deadLetterQueue must not be empty");
        }
        redelivery = Collections.unmodifiableMap(new LinkedHashMap<>(redelivery));
    }

    /** @return the defaults: ExpiryQueue, DLQ, the built-in policy everywhere */
    public static DeliveryConfig defaults() {
        return new DeliveryConfig(DEFAULT_EXPIRY_QUEUE, DEFAULT_DEAD_LETTER_QUEUE, Map.of());
    }

    /**
     * Reads the keys this record documents; others are ignored.
     *
     * @param properties the properties
     * @return the settings
     * @throws IllegalArgumentException for a value that does not parse or an unknown policy setting
     */
    public static DeliveryConfig fromProperties(Map<String, String> properties) {
        Map<String, Map<String, String>> byPattern = new LinkedHashMap<>();
        properties.keySet().stream().filter(k -> k.startsWith(REDELIVERY_PREFIX)).sorted().forEach(key -> {
            String rest = key.substring(REDELIVERY_PREFIX.length());
            int dot = rest.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("bad redelivery key " + key);
            }
            byPattern.computeIfAbsent(rest.substring(0, dot), p -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), properties.get(key));
        });
        RedeliveryPolicy base = parse(byPattern.getOrDefault(MATCH_ALL, Map.of()), RedeliveryPolicy.DEFAULT);
        Map<String, RedeliveryPolicy> policies = new LinkedHashMap<>();
        byPattern.forEach((pattern, settings) -> policies.put(pattern, parse(settings, base)));
        return new DeliveryConfig(properties.getOrDefault(BrokerConfig.PREFIX + "expiryQueue", DEFAULT_EXPIRY_QUEUE),
                properties.getOrDefault(BrokerConfig.PREFIX + "deadLetterQueue", DEFAULT_DEAD_LETTER_QUEUE), policies);
    }

    private static RedeliveryPolicy parse(Map<String, String> settings, RedeliveryPolicy base) {
        for (String name : settings.keySet()) {
            if (!name.equals("delayMs") && !name.equals("multiplier") && !name.equals("maxDelayMs")
                    && !name.equals("maxDeliveryAttempts")) {
                throw new IllegalArgumentException("unknown redelivery setting " + name);
            }
        }
        return new RedeliveryPolicy(
                Long.parseLong(settings.getOrDefault("delayMs", "" + base.delayMs())),
                Double.parseDouble(settings.getOrDefault("multiplier", "" + base.multiplier())),
                Long.parseLong(settings.getOrDefault("maxDelayMs", "" + base.maxDelayMs())),
                Integer.parseInt(settings.getOrDefault("maxDeliveryAttempts", "" + base.maxDeliveryAttempts())));
    }

    /**
     * @param destinationName a queue's or topic's name
     * @return the policy of the most specific matching pattern, else the built-in default
     */
    public RedeliveryPolicy policyFor(String destinationName) {
        RedeliveryPolicy best = RedeliveryPolicy.DEFAULT;
        int bestScore = -1;
        for (Map.Entry<String, RedeliveryPolicy> entry : redelivery.entrySet()) {
            String pattern = entry.getKey();
            int score = pattern.replace(MATCH_ALL, "").length();
            if (score > bestScore && matches(pattern, destinationName)) {
                best = entry.getValue();
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * @param policies the policies by pattern
     * @return a copy with them
     */
    public DeliveryConfig withRedelivery(Map<String, RedeliveryPolicy> policies) {
        return new DeliveryConfig(expiryQueue, deadLetterQueue, policies);
    }

    static boolean matches(String pattern, String name) {
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return pattern.equals(name);
        }
        if (!name.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = name.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return name.length() - at >= last.length() && name.endsWith(last);
    }
}
