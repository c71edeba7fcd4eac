package org.cairnmq.benchmarks.load;

import java.nio.file.Path;

/**
 * One load run's settings, validated once at construction.
 *
 * @param jndiFile jndi.properties file that names the provider's initial context factory
 * @param factoryName JNDI name of the ConnectionFactory (CLI {@code --factory}, default
 *     {@code ConnectionFactory})
 * @param queueName JNDI name of the queue (CLI {@code --queue}, default {@code loadQueue})
 * @param user user for {@code createConnection(user, password)}, or null to call
 *     {@code createConnection()} and let the factory's own settings apply
 * @param password password that goes with {@code user}, or null
 * @param scenario which scenario to run
 * @param persistent true for {@code DeliveryMode.PERSISTENT} (default), false for non-persistent
 * @param producers producer count, each with its own connection and session (default 1)
 * @param consumers consumer count, each with its own connection and session (default 1)
 * @param messages messages in the timed phase, summed over all producers (default 20000)
 * @param sizeBytes payload size of each BytesMessage in bytes (default 1024)
 * @param durationSeconds upper bound of each phase (warm-up, pre-fill, timed, drain) in seconds
 *     (default 60)
 * @param ratePerSecond total send rate of the roundtrip scenario in messages per second
 *     (default 1000)
 * @param warmupMessages messages of an untimed run of the same scenario before the timed one
 *     (default 0)
 */
public record LoadConfig(Path jndiFile, String factoryName, String queueName, String user,
                         String password, Scenario scenario, boolean persistent, int producers,
                         int consumers, long messages, int sizeBytes, long durationSeconds,
                         int ratePerSecond, long warmupMessages) {

    /** Largest accepted message count, so every loop stays bounded. */
    public static final long MAX_MESSAGES = 100_000_000L;

    /** Largest accepted payload, 64 MiB. */
    public static final int MAX_SIZE_BYTES = 64 * 1024 * 1024;

    /** Largest accepted producer or consumer count. */
    public static final int MAX_CLIENTS = 1024;

    /** Largest accepted phase bound, one day. */
    public static final long MAX_DURATION_SECONDS = 86_400L;

    /** Validates every setting; throws {@link LoadToolException} naming the first bad one. */
    public LoadConfig {
        require(jndiFile != null, "--jndi is required");
        require(factoryName != null && !factoryName.isBlank(), "--factory must not be blank");
        require(queueName != null && !queueName.isBlank(), "--queue must not be blank");
        require((user == null) == (password == null), "--user and --password go together");
        require(scenario != null, "--scenario is required");
        require(producers >= 1 && producers <= MAX_CLIENTS, "--producers must be in 1.." + MAX_CLIENTS);
        require(consumers >= 1 && consumers <= MAX_CLIENTS, "--consumers must be in 1.." + MAX_CLIENTS);
        require(messages >= 1 && messages <= MAX_MESSAGES, "--messages must be in 1.." + MAX_MESSAGES);
        require(sizeBytes >= 0 && sizeBytes <= MAX_SIZE_BYTES, "--size must be in 0.." + MAX_SIZE_BYTES);
        require(durationSeconds >= 1 && durationSeconds <= MAX_DURATION_SECONDS,
                "--duration-seconds must be in 1.." + MAX_DURATION_SECONDS);
        require(ratePerSecond >= 1, "--rate must be at least 1");
        require(warmupMessages >= 0 && warmupMessages <= MAX_MESSAGES,
                "--warmup must be in 0.." + MAX_MESSAGES);
    }

    /** The same settings with another message count; used for the warm-up run. */
    public LoadConfig withMessages(long newMessages) {
        return new LoadConfig(jndiFile, factoryName, queueName, user, password, scenario, persistent,
                producers, consumers, newMessages, sizeBytes, durationSeconds, ratePerSecond,
                warmupMessages);
    }

    /** "persistent" or "non-persistent", as printed in results. */
    public String deliveryLabel() {
        return persistent ? "persistent" : "non-persistent";
    }

    /** Bound of one phase in nanoseconds. */
    public long durationNanos() {
        return durationSeconds * 1_000_000_000L;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new LoadToolException(message);
        }
    }
}
