package org.cairnmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/**
 * A message whose body is one {@code String}; a null text is an empty body.
 */
public class CairnTextMessage extends CairnMessage implements TextMessage {

    private String text;

    /** Creates a text message with no text. */
    public CairnTextMessage() {
    }

    /**
     * Creates a text message holding the given text.
     *
     * @param text the body, may be null
     */
    public CairnTextMessage(String text) {
        this.text = text;
    }

    @Override
    public void setText(String string) throws JMSException {
        checkBodyWritable();
        this.text = string;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    protected boolean hasNoBody() {
        return text == null;
    }

    @Override
    protected Object bodyValue() {
        return text;
    }

    @Override
    protected void clearBodyContent() {
        text = null;
    }
}
