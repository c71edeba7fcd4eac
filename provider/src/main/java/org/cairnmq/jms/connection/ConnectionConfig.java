package org.cairnmq.jms.connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cairnmq.client.CairnUrl;

/**
 * The settings of a connection factory, parsed from its URL ({@link CairnUrl})
 * {@code cairn://host:port[,host2:port2...][?option=value&...]}. The addresses are the name
 * servers'. Options:
 *
 * <ul>
 *   <li>{@code user}, {@code password}: the default credentials of {@code createConnection()}; none by default.</li>
 *   <li>{@code clientId}: the client id every connection starts with; none by default.</li>
 *   <li>{@code prefetch}: the consumer window in messages; 0 makes every receive a PULL; default
 *       {@value #DEFAULT_PREFETCH}.</li>
 *   <li>{@code connectTimeoutMs}: how long one connect attempt may take; default 5000.</li>
 *   <li>{@code requestTimeoutMs}: how long a request waits for its response; default 30000.</li>
 *   <li>{@code reconnectAttempts}: how often to try to reconnect to a lost broker; default 3.</li>
 *   <li>{@code reconnectIntervalMs}: the wait before each reconnect attempt; default 1000.</li>
 *   <li>{@code producerWindowBytes}: the send window of each session: how many bytes of its
 *       non-persistent messages sent outside a transaction may be on their way before the broker
 *       handed their room back (Artemis' {@code producerWindowSize}); 0 makes every such send wait
 *       for the broker's answer; default {@value #DEFAULT_PRODUCER_WINDOW_BYTES}.</li>
 * </ul>
 *
 * @param url the URL it was parsed from
 * @param addresses the name server addresses, {@code host:port}, at least one
 * @param user the default user, or {@code null}
 * @param password the default password, or {@code null}
 * @param clientId the preset client id, or {@code null}
 * @param prefetch the consumer window in messages
 * @param connectTimeoutMs the connect timeout
 * @param requestTimeoutMs the request timeout
 * @param reconnectAttempts the reconnect attempts
 * @param reconnectIntervalMs the wait between reconnect attempts
 * @param producerWindowBytes the send window for unanswered sends, 0 for none
 */
public record ConnectionConfig(String url, List<String> addresses, String user, String password, String clientId,
                               int prefetch, long connectTimeoutMs, long requestTimeoutMs, int reconnectAttempts,
                               long reconnectIntervalMs, int producerWindowBytes) {

    /** The URL of a factory made without one: a name server on this host at the default port. */
    public static final String DEFAULT_URL = "cairn://localhost:9876";

    /**
     * The default consumer window, in messages.
     *
     * <p>Design note: the window must cover the consumption done while a CREDIT travels to the broker
     * and its DELIVERs come back; with 100 a single queue receiver starved between refills (about
     * 19,000 msgs/s of 1 KiB messages on a loaded 2-core host, against 33,000 with 1000). 1000 is
     * ActiveMQ Classic's queue prefetch and about Artemis' 1 MiB window at 1 KiB. A consumer of large
     * messages (up to {@code broker.maxMessageBytes} each) or one that competes with others for
     * fairness should set a smaller {@code prefetch}.
     */
    public static final int DEFAULT_PREFETCH = 1000;

    /**
     * The default send window, in bytes: Artemis' default producer window is 64 KiB; 1 MiB keeps about
     * a thousand 1 KiB messages on their way, which a producer needs to keep a broker busy while the
     * room of the first comes back, and bounds what a slow broker buffers per connection.
     */
    public static final int DEFAULT_PRODUCER_WINDOW_BYTES = 1024 * 1024;

    /**
     * Parses a URL.
     *
     * @param url the factory URL
     * @return the settings
     * @throws IllegalArgumentException if the URL is not a valid Cairn URL or names an unknown option
     */
    public static ConnectionConfig parse(final String url) {
        final CairnUrl parsed = CairnUrl.parse(url);
        final Map<String, String> options = new LinkedHashMap<>(parsed.options());
        final ConnectionConfig config = new ConnectionConfig(url, parsed.addresses(), options.remove("user"),
            options.remove("password"), options.remove("clientId"),
            intOption(url, options, "prefetch", DEFAULT_PREFETCH), longOption(url, options, "connectTimeoutMs", 5_000),
            longOption(url, options, "requestTimeoutMs", 30_000), intOption(url, options, "reconnectAttempts", 3),
            longOption(url, options, "reconnectIntervalMs", 1_000),
            intOption(url, options, "producerWindowBytes", DEFAULT_PRODUCER_WINDOW_BYTES));
        if (!options.isEmpty()) {
            throw invalid(url, "unknown option(s) " + options.keySet());
        }
        return config;
    }

    private static int intOption(final String url, final Map<String, String> options, final String name,
                                 final int defaultValue) {
        final String value = options.remove(name);
        final int parsed = value == null ? defaultValue : parseNumber(url, name, value);
        if (parsed < 0) {
            throw invalid(url, name + " must not be negative");
        }
        return parsed;
    }

    private static long longOption(final String url, final Map<String, String> options, final String name,
                                   final long defaultValue) {
        return intOption(url, options, name, Math.toIntExact(defaultValue));
    }

    private static int parseNumber(final String url, final String name, final String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (final NumberFormatException notANumber) {
            throw invalid(url, name + " '" + value + "' is not a number");
        }
    }

    private static IllegalArgumentException invalid(final String url, final String reason) {
        return new IllegalArgumentException("CAIRN-J001 Invalid connection URL '" + url + "': " + reason);
    }

    @Override
    public String toString() {
        return "ConnectionConfig[" + url.replaceAll("password=[^&]*", "password=***") + "]";
    }
}
