package org.cairnmq.jms;

import org.cairnmq.client.ClientConnector;
import org.cairnmq.client.ConnectorConfig;
import org.cairnmq.client.session.ConnectionOpener;
import org.cairnmq.jms.connection.ConnectionConfig;

/** The transport a connection factory uses unless one is set on it: the Netty client connector. */
final class Transports {

    private Transports() {
    }

    static ConnectionOpener defaultOpener(final ConnectionConfig config) {
        return new ClientConnector(ConnectorConfig.defaults()
            .withConnectTimeoutMs(config.connectTimeoutMs())
            .withRequestTimeoutMs(config.requestTimeoutMs()));
    }
}
