package org.cairnmq.jms.connection;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.internal.JmsExceptions;
import org.cairnmq.jms.message.ForeignMessages;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.protocol.selector.SelectorSyntaxException;

/** The checks a session makes on the arguments of its factory methods, before anything is sent. */
final class SessionArguments {

    private SessionArguments() {
    }

    static CairnDestination cairnDestination(final Destination destination) throws JMSException {
        final CairnDestination target = ForeignMessages.toCairnDestination(destination);
        if (target == null) {
            throw new InvalidDestinationException("CAIRN-J032 Not a queue or topic Cairn can use: " + destination,
                "INVALID_DESTINATION");
        }
        return target;
    }

    static boolean isTemporary(final CairnDestination destination) {
        return destination instanceof TemporaryQueue || destination instanceof TemporaryTopic;
    }

    static String validSelector(final String messageSelector) throws JMSException {
        if (messageSelector == null || messageSelector.isBlank()) {
            return null;
        }
        try {
            Selector.compile(messageSelector);
        } catch (final SelectorSyntaxException invalid) {
            final JMSException exception = JmsExceptions.toJmsException(ErrorCode.INVALID_SELECTOR,
                "CAIRN-J033 Invalid message selector: " + invalid.getMessage());
            exception.initCause(invalid);
            throw exception;
        }
        return messageSelector;
    }

    static String requireName(final String name) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new JMSException("CAIRN-J034 A subscription name must not be null or empty");
        }
        return name;
    }

    static String requireDestinationName(final String name) throws JMSException {
        if (name == null || name.isBlank()) {
            throw new InvalidDestinationException("CAIRN-J035 A destination name must not be null or empty",
                "INVALID_DESTINATION");
        }
        return name;
    }
}
