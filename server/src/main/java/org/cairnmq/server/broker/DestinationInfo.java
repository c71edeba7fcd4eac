package org.cairnmq.server.broker;

import org.cairnmq.protocol.record.DestinationKind;

/**
 * A destination as the name-server registrar announces it.
 *
 * @param kind the kind
 * @param name the name
 * @param queueCount how many queues it has
 */
public record DestinationInfo(DestinationKind kind, String name, int queueCount) {
}
