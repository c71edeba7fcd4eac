package org.cairnmq.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.naming.NamingConfig;
import org.cairnmq.server.remoting.RemotingConfig;
import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.StoreConfig;
import org.cairnmq.server.store.StoreException;

/**
 * Reads a {@link ServerConfig} from a properties file and overrides (the command line's flags, as
 * the same keys). Every value is checked here, and a bad one fails with a message naming the key,
 * the value and what was expected (id {@code CAIRN-1050}).
 *
 * <p>Sizes accept a {@code k}, {@code m} or {@code g} suffix (binary units): {@code 64m}.
 */
public final class ServerConfigLoader {

    private ServerConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param file the properties file, or {@code null} for none
     * @param overrides keys that replace the file's (the command line)
     * @return the configuration
     * @throws IllegalArgumentException for an unreadable file or a bad value
     */
    public static ServerConfig load(final Path file, final Map<String, String> overrides) {
        final Map<String, String> properties = new HashMap<>(file == null ? Map.of() : readFile(file));
        properties.putAll(overrides);
        return fromProperties(properties);
    }

    /**
     * Builds the configuration from properties alone.
     *
     * @param properties the keys of {@code cairn.properties}
     * @return the configuration
     * @throws IllegalArgumentException for a bad value
     */
    public static ServerConfig fromProperties(final Map<String, String> properties) {
        final PropertyReader read = new PropertyReader(properties);
        final Path dataDirectory = read.path("server.dataDirectory", Path.of("data")).toAbsolutePath().normalize();
        final List<String> nameServers = read.addresses("nameServer.addresses");
        final RemotingConfig remoting = remoting(read, RemotingConfig.DEFAULT_PORT, "server.");
        final NamingConfig naming = naming(read, remoting);
        final StoreConfig store = store(read, dataDirectory);
        final Map<String, String> brokerKeys = new HashMap<>(properties);
        brokerKeys.putIfAbsent(BrokerConfig.PREFIX + "dataDirectory", dataDirectory.resolve("broker").toString());
        final BrokerConfig broker = read.wrap("broker.*", () -> BrokerConfig.fromProperties(brokerKeys));
        return read.wrap("the combination", () -> new ServerConfig(read.string("server.name", ServerConfig.DEFAULT_BROKER_NAME),
            dataDirectory, remoting, naming, read.bool("nameServer.embedded", nameServers.isEmpty()), nameServers,
            read.bool("nameServer.only", false), store, broker, properties));
    }

    private static RemotingConfig remoting(final PropertyReader read, final int defaultPort, final String prefix) {
        final RemotingConfig defaults = RemotingConfig.defaults();
        return read.wrap(prefix + "*", () -> new RemotingConfig(
            read.string(prefix + "bindAddress", defaults.bindAddress()),
            read.port(prefix + "port", defaultPort),
            read.integer(prefix + "maxConnections", defaults.maxConnections()),
            read.intBytes(prefix + "maxFrameBytes", defaults.maxFrameLengthBytes()),
            read.longValue(prefix + "idleTimeoutMs", defaults.idleTimeoutMs()),
            read.longValue(prefix + "heartbeatIntervalMs", defaults.heartbeatIntervalMs()),
            read.path(prefix + "usersFile", null),
            read.bool(prefix + "allowAnonymous", defaults.allowAnonymous()),
            read.ioThreads(prefix + "ioThreads", defaults.ioThreads()),
            read.intBytes(prefix + "writeBufferLowWaterMarkBytes", defaults.writeBufferLowWaterMarkBytes()),
            read.intBytes(prefix + "writeBufferHighWaterMarkBytes", defaults.writeBufferHighWaterMarkBytes())));
    }

    private static NamingConfig naming(final PropertyReader read, final RemotingConfig broker) {
        final NamingConfig defaults = NamingConfig.defaults();
        final RemotingConfig listener = broker.withPort(read.port("nameServer.port", NamingConfig.DEFAULT_PORT))
            .withBindAddress(read.string("nameServer.bindAddress", broker.bindAddress()));
        return read.wrap("nameServer.*", () -> new NamingConfig(listener,
            read.longValue("nameServer.brokerExpiryMs", defaults.brokerExpiryMs()),
            read.longValue("nameServer.expiryCheckIntervalMs", defaults.expiryCheckIntervalMs()),
            read.longValue("nameServer.registerIntervalMs", defaults.registerIntervalMs())));
    }

    private static StoreConfig store(final PropertyReader read, final Path dataDirectory) {
        final StoreConfig defaults = read.wrap("store.commitLogSegmentBytes", () -> StoreConfig.defaults(dataDirectory)
            .withCommitLogSegmentBytes(read.intBytes("store.commitLogSegmentBytes",
                StoreConfig.DEFAULT_COMMIT_LOG_SEGMENT_BYTES)));
        return read.wrap("store.*", () -> new StoreConfig(dataDirectory, defaults.commitLogSegmentBytes(),
            read.integer("store.consumeQueueSegmentEntries", defaults.consumeQueueSegmentEntries()),
            read.flushMode("store.flushMode", defaults.flushMode()),
            read.longValue("store.asyncFlushIntervalMs", defaults.asyncFlushIntervalMs()),
            read.longValue("store.checkpointIntervalMs", defaults.checkpointIntervalMs()),
            read.longValue("store.retentionMs", defaults.retentionMs()),
            read.ratio("store.diskUsageHighWaterRatio", defaults.diskUsageHighWaterRatio()),
            read.bytes("store.diskFullReserveBytes", defaults.diskFullReserveBytes()),
            read.intBytes("store.maxRecordBytes", defaults.maxRecordBytes()))
            .withKeyIndex(read.integer("store.keyIndexSlotCount", defaults.keyIndexSlotCount()),
                read.integer("store.keyIndexMaxEntriesPerFile", defaults.keyIndexMaxEntriesPerFile()))
            .withConsumerOffsetCompactEveryJournalBytes(read.bytes("store.consumerOffsetCompactEveryJournalBytes",
                defaults.consumerOffsetCompactEveryJournalBytes()))
            .withCommitLogWarmAheadBytes(read.intBytes("store.commitLogWarmAheadBytes",
                defaults.commitLogWarmAheadBytes())));
    }

    private static Map<String, String> readFile(final Path file) {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (final IOException e) {
            throw new IllegalArgumentException("CAIRN-1051 Cannot read the configuration file " + file + ": " + e, e);
        }
        final Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return values;
    }

    /** Typed access to the properties, failing with the key and value named. */
    private record PropertyReader(Map<String, String> properties) {

        String string(final String key, final String defaultValue) {
            final String value = properties.get(key);
            return value == null || value.isBlank() ? defaultValue : value.trim();
        }

        Path path(final String key, final Path defaultValue) {
            final String value = string(key, null);
            return value == null ? defaultValue : Path.of(value);
        }

        boolean bool(final String key, final boolean defaultValue) {
            final String value = string(key, null);
            if (value == null) {
                return defaultValue;
            }
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw bad(key, value, "true or false");
            }
            return Boolean.parseBoolean(value);
        }

        int integer(final String key, final int defaultValue) {
            final long value = longValue(key, defaultValue);
            if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
                throw bad(key, string(key, ""), "an int");
            }
            return (int) value;
        }

        /** {@code auto}, {@code broker} or a positive thread count (see {@link RemotingConfig#ioThreads()}). */
        int ioThreads(final String key, final int defaultValue) {
            final String value = string(key, null);
            if (value == null) {
                return defaultValue;
            }
            if (value.equalsIgnoreCase("auto")) {
                return RemotingConfig.IO_THREADS_AUTO;
            }
            if (value.equalsIgnoreCase("broker")) {
                return RemotingConfig.IO_THREADS_ON_BROKER_THREAD;
            }
            final int threads = integer(key, defaultValue);
            if (threads < 0) {
                throw bad(key, value, "auto, broker or a thread count (0 = auto)");
            }
            return threads;
        }

        int port(final String key, final int defaultValue) {
            final int value = integer(key, defaultValue);
            if (value < 0 || value > 65_535) {
                throw bad(key, string(key, ""), "a port within 0..65535 (0 = any free port)");
            }
            return value;
        }

        long longValue(final String key, final long defaultValue) {
            final String value = string(key, null);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Long.parseLong(value);
            } catch (final NumberFormatException e) {
                throw bad(key, value, "a whole number");
            }
        }

        double ratio(final String key, final double defaultValue) {
            final String value = string(key, null);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Double.parseDouble(value);
            } catch (final NumberFormatException e) {
                throw bad(key, value, "a ratio such as 0.9");
            }
        }

        long bytes(final String key, final long defaultValue) {
            final String value = string(key, null);
            if (value == null) {
                return defaultValue;
            }
            final char unit = Character.toLowerCase(value.charAt(value.length() - 1));
            final int shift = switch (unit) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                default -> 0;
            };
            final String digits = shift == 0 ? value : value.substring(0, value.length() - 1).trim();
            try {
                final long number = Long.parseLong(digits);
                if (number < 0 || number > (Long.MAX_VALUE >> shift)) {
                    throw bad(key, value, "a size in bytes");
                }
                return number << shift;
            } catch (final NumberFormatException e) {
                throw bad(key, value, "a size in bytes, optionally with a k, m or g suffix");
            }
        }

        int intBytes(final String key, final int defaultValue) {
            final long value = bytes(key, defaultValue);
            if (value > Integer.MAX_VALUE) {
                throw bad(key, string(key, ""), "a size below 2 GiB");
            }
            return (int) value;
        }

        FlushMode flushMode(final String key, final FlushMode defaultValue) {
            final String value = string(key, null);
            if (value == null) {
                return defaultValue;
            }
            try {
                final FlushMode mode = FlushMode.valueOf(value.toUpperCase(Locale.ROOT));
                if (mode != FlushMode.UNKNOWN) {
                    return mode;
                }
            } catch (final IllegalArgumentException e) {
                throw bad(key, value, "SYNC or ASYNC");
            }
            throw bad(key, value, "SYNC or ASYNC");
        }

        List<String> addresses(final String key) {
            final String value = string(key, null);
            final List<String> addresses = new ArrayList<>();
            if (value == null) {
                return addresses;
            }
            for (final String address : value.split(",")) {
                final String trimmed = address.trim();
                final int colon = trimmed.lastIndexOf(':');
                if (colon <= 0 || !trimmed.substring(colon + 1).chars().allMatch(Character::isDigit)
                    || colon == trimmed.length() - 1) {
                    throw bad(key, value, "host:port[,host:port...]");
                }
                addresses.add(trimmed);
            }
            return addresses;
        }

        <T> T wrap(final String what, final Supplier<T> build) {
            try {
                return build.get();
            } catch (final StoreException | IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("CAIRN-")) {
                    throw e;
                }
                throw new IllegalArgumentException("CAIRN-1050 Invalid configuration (" + what + "): " + e.getMessage(),
                    e);
            }
        }

        private static IllegalArgumentException bad(final String key, final String value, final String expected) {
            return new IllegalArgumentException("CAIRN-1050 Invalid configuration: " + key + "=" + value
                + " is not " + expected);
        }
    }
}
