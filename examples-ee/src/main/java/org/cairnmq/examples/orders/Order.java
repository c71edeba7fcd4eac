package org.cairnmq.examples.orders;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Objects;

/**
 * An order as it travels on the {@code orders} queue: a text message whose body is the order id, with
 * the quantity in an int property.
 *
 * @param orderId the id the sender gave the order; not unique by itself in the database, so that a
 *     duplicate delivery would show as a second row
 * @param quantity how many items; the database refuses a quantity below 1
 */
public record Order(String orderId, int quantity) {

    /** The message property that carries {@link #quantity()}. */
    public static final String QUANTITY_PROPERTY = "quantity";

    /** Checks the order id. */
    public Order {
        Objects.requireNonNull(orderId, "orderId");
        if (orderId.isBlank()) {
            throw new IllegalArgumentException("an order needs an id");
        }
    }

    /**
     * Builds the message for this order.
     *
     * @param context the context that will send it
     * @return a text message
     * @throws JMSException when the provider refuses the property
     */
    public TextMessage toMessage(final JMSContext context) throws JMSException {
        final TextMessage message = context.createTextMessage(orderId);
        message.setIntProperty(QUANTITY_PROPERTY, quantity);
        return message;
    }

    /**
     * Reads an order from a message built by {@link #toMessage}.
     *
     * @param message the message
     * @return the order
     * @throws JMSException when the message is not an order message
     */
    public static Order fromMessage(final Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new JMSException("not an order message: " + message.getClass().getName());
        }
        return new Order(text.getText(), message.getIntProperty(QUANTITY_PROPERTY));
    }
}
