/**
 * The session-level protocol client under the JMS implementation: routes from the name server,
 * one {@link org.cairnmq.client.session.BrokerChannel} per broker a JMS connection uses, and the
 * request bodies of the messaging commands. Nothing here knows about {@code jakarta.jms}.
 */
package org.cairnmq.client.session;
