package org.cairnmq.client.session;

/**
 * One broker a name server names for a destination (a QUERY_ROUTE answer entry).
 *
 * @param brokerName the broker's name
 * @param address the broker's {@code host:port}
 * @param queueCount how many queues of the destination the broker holds; 0 for a candidate broker
 *     that does not have the destination yet
 */
public record Route(String brokerName, String address, int queueCount) {
}
