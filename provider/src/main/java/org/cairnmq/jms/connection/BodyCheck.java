package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import org.cairnmq.jms.message.CairnMessage;

/**
 * Whether {@code JMSConsumer.receiveBody} may give a message's body as a type: the message must be one
 * of the five body types (a plain {@code Message} has no body to give) and its body assignable to the
 * type, which for an {@code ObjectMessage} includes that it deserializes.
 *
 * <p>Design note: a typed message whose body is empty (a {@code TextMessage} with a null text) is given
 * as {@code null}, as {@code Message.getBody} does, rather than refused; only the plain {@code Message}
 * counts as "has no body".
 */
final class BodyCheck {

    private BodyCheck() {
    }

    static boolean canReceiveBody(final CairnMessage message, final Class<?> type) throws JMSException {
        return message.getClass() != CairnMessage.class && message.isBodyAssignableTo(type);
    }

    static MessageFormatException notReceivable(final CairnMessage message, final Class<?> type) {
        final String reason = message.getClass() == CairnMessage.class
            ? "the message is a plain Message, which has no body"
            : "its body cannot be given as " + type.getName();
        return new MessageFormatException("CAIRN-J042 receiveBody cannot return this message: " + reason,
            "MESSAGE_FORMAT");
    }
}
