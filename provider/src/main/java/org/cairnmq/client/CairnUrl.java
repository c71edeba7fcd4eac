package org.cairnmq.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed {@code cairn://host:port[,host2:port2...][?key=value&...]} URL: the name server (or broker)
 * addresses to try in order, and the options. Option values are URL-decoded; a key given twice keeps
 * its last value.
 *
 * <p>Immutable and thread safe.
 */
public final class CairnUrl {

    /** The URL scheme, with its separator. */
    public static final String SCHEME = "cairn://";

    private final String text;
    private final List<String> addresses;
    private final Map<String, String> options;

    private CairnUrl(final String text, final List<String> addresses, final Map<String, String> options) {
        this.text = text;
        this.addresses = List.copyOf(addresses);
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Parses a URL.
     *
     * @param url the URL text
     * @return the parsed URL
     * @throws IllegalArgumentException with a message naming what is wrong (id {@code CAIRN-2001})
     */
    public static CairnUrl parse(final String url) {
        if (url == null || !url.startsWith(SCHEME)) {
            throw invalid(url, "it must start with " + SCHEME);
        }
        final String rest = url.substring(SCHEME.length());
        final int question = rest.indexOf('?');
        final String hosts = question < 0 ? rest : rest.substring(0, question);
        final String query = question < 0 ? "" : rest.substring(question + 1);
        final List<String> addresses = new ArrayList<>();
        for (final String address : hosts.split(",", -1)) {
            addresses.add(parseAddress(url, address.trim()));
        }
        return new CairnUrl(url, addresses, parseOptions(url, query));
    }

    private static String parseAddress(final String url, final String address) {
        if (address.isEmpty()) {
            throw invalid(url, "an address is empty; expected host:port[,host:port...]");
        }
        final int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw invalid(url, "'" + address + "' is not host:port");
        }
        final int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (final NumberFormatException e) {
            throw invalid(url, "the port of '" + address + "' is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw invalid(url, "the port of '" + address + "' is outside 1..65535");
        }
        return address;
    }

    private static Map<String, String> parseOptions(final String url, final String query) {
        final Map<String, String> options = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return options;
        }
        for (final String pair : query.split("&", -1)) {
            final int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid(url, "option '" + pair + "' is not key=value");
            }
            options.put(decode(url, pair.substring(0, equals)), decode(url, pair.substring(equals + 1)));
        }
        return options;
    }

    private static String decode(final String url, final String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (final IllegalArgumentException e) {
            throw invalid(url, "'" + text + "' is not URL-encoded correctly");
        }
    }

    private static IllegalArgumentException invalid(final String url, final String reason) {
        return new IllegalArgumentException("CAIRN-2001 Invalid Cairn URL '" + url + "': " + reason);
    }

    /**
     * Returns the addresses, in the URL's order.
     *
     * @return one or more {@code host:port}
     */
    public List<String> addresses() {
        return addresses;
    }

    /**
     * Returns the options.
     *
     * @return key to decoded value, in the URL's order; unmodifiable
     */
    public Map<String, String> options() {
        return options;
    }

    /**
     * Returns one option.
     *
     * @param key the option name
     * @param defaultValue the value when the URL does not give it
     * @return the value
     */
    public String option(final String key, final String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    /**
     * Returns an option as a long.
     *
     * @param key the option name
     * @param defaultValue the value when the URL does not give it
     * @return the value
     * @throws IllegalArgumentException when the value is not a number
     */
    public long longOption(final String key, final long defaultValue) {
        final String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (final NumberFormatException e) {
            throw invalid(text, "option " + key + "=" + value + " is not a number");
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnUrl url && addresses.equals(url.addresses) && options.equals(url.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addresses, options);
    }

    /**
     * Returns the URL as given.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return text;
    }
}
