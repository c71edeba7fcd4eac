package org.cairnmq.client.session;

import org.cairnmq.client.ClientConnection;

/**
 * Opens a protocol connection (TCP connect and HANDSHAKE) to one server. The transport supplies the
 * implementation; the JMS connection uses it for the name server and for each broker.
 */
@FunctionalInterface
public interface ConnectionOpener {

    /**
     * Connects and hands shakes.
     *
     * @param addresses one or more {@code host:port} addresses, tried in order
     * @param user the user name, or {@code null}
     * @param password the password, or {@code null}
     * @param connectTimeoutMs how long one connect attempt may take
     * @return the open connection
     * @throws org.cairnmq.protocol.command.ProtocolException if the server refuses the handshake
     *     (for example {@code AUTHENTICATION_FAILED})
     * @throws org.cairnmq.client.ConnectionLostException if no address could be reached
     */
    ClientConnection open(java.util.List<String> addresses, String user, String password, long connectTimeoutMs);
}
