package org.cairnmq.server.remoting;

import java.util.Objects;

/**
 * What a server says about itself in its HANDSHAKE response.
 *
 * @param serverName the broker's (or name server's) name
 * @param serverVersion the software version
 * @param maxMessageBytes the longest message record the server accepts, in bytes
 */
public record ServerIdentity(String serverName, String serverVersion, int maxMessageBytes) {

    /** The software version this build reports. */
    public static final String CURRENT_VERSION = "0.1.0";

    /**
     * Validates the identity.
     */
    public ServerIdentity {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(serverVersion, "serverVersion");
        if (maxMessageBytes < 0) {
            throw new IllegalArgumentException("maxMessageBytes must not be negative, was " + maxMessageBytes);
        }
    }
}
