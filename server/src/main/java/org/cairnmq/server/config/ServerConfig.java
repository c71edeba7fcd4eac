package org.cairnmq.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.naming.NamingConfig;
import org.cairnmq.server.remoting.RemotingConfig;
import org.cairnmq.server.store.StoreConfig;

/**
 * Everything a Cairn server process needs, as the small records of its components. Immutable;
 * built by {@link ServerConfigLoader} from a properties file and command-line overrides, or by
 * {@code CairnBroker.Builder}. The keys are documented in the shipped {@code cairn.properties}.
 *
 * @param brokerName {@code server.name}: the broker's name, unique in a cluster. Default
 *     {@value #DEFAULT_BROKER_NAME}.
 * @param dataDirectory {@code server.dataDirectory}: the root of every file of the broker (store
 *     files, {@code index/}, {@code offsets/}, {@code broker/}). Default {@code ./data}.
 * @param remoting the broker's listener ({@code server.*} keys).
 * @param naming the embedded name server's listener and timings ({@code nameServer.*} keys).
 * @param embeddedNameServer {@code nameServer.embedded}: whether this process runs a name server.
 *     Default {@code true} unless {@code nameServer.addresses} is given.
 * @param nameServerAddresses {@code nameServer.addresses}: external name servers ({@code host:port},
 *     comma separated) the broker registers with, besides the embedded one. Default none.
 * @param nameServerOnly {@code nameServer.only}: run the name server alone, without a broker.
 *     Default {@code false}.
 * @param store the store's settings ({@code store.*} keys); its data directory is
 *     {@code dataDirectory}.
 * @param broker the broker core's settings ({@code broker.*} keys).
 * @param properties every key read, after overrides, for components that read their own keys.
 */
public record ServerConfig(
    String brokerName,
    Path dataDirectory,
    RemotingConfig remoting,
    NamingConfig naming,
    boolean embeddedNameServer,
    List<String> nameServerAddresses,
    boolean nameServerOnly,
    StoreConfig store,
    BrokerConfig broker,
    Map<String, String> properties) {

    /** Default {@link #brokerName()}. */
    public static final String DEFAULT_BROKER_NAME = "broker-a";

    /**
     * Validates the combination.
     */
    public ServerConfig {
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(remoting, "remoting");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(broker, "broker");
        nameServerAddresses = List.copyOf(nameServerAddresses);
        properties = Map.copyOf(properties);
        if (!embeddedNameServer && !nameServerOnly && nameServerAddresses.isEmpty()) {
            throw new IllegalArgumentException("CAIRN-1050 Without an embedded name server the broker needs "
                + "nameServer.addresses (--name-servers host:port,...)");
        }
    }
}
