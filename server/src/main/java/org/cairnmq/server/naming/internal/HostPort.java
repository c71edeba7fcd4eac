package org.cairnmq.server.naming.internal;

/**
 * A {@code host:port} address.
 *
 * @param host the host name or IP address
 * @param port the TCP port
 */
public record HostPort(String host, int port) {

    /**
     * Parses {@code host:port}.
     *
     * @param address the text
     * @return the address
     * @throws IllegalArgumentException when it is not {@code host:port} with a port in 1..65535
     */
    public static HostPort parse(final String address) {
        final int colon = address == null ? -1 : address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("CAIRN-1040 '" + address + "' is not host:port");
        }
        final int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("CAIRN-1040 '" + address + "' has no numeric port", e);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("CAIRN-1040 '" + address + "' has a port outside 1..65535");
        }
        return new HostPort(address.substring(0, colon), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
