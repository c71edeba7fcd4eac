package org.cairnmq.server.broker.internal;

import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.protocol.selector.SelectorSyntaxException;
import org.cairnmq.server.broker.BrokerErrors;

/** Compiles the selector text of a consumer, a subscription or a browser. */
final class SelectorTexts {

    private SelectorTexts() {
    }

    /**
     * @param text the selector, or null or blank for none
     * @return the compiled selector, matching everything for none
     * @throws org.cairnmq.server.broker.BrokerException INVALID_SELECTOR with the position of the error
     */
    static Selector compile(String text) {
        if (text == null || text.isBlank()) {
            return Selector.matchAll();
        }
        try {
            return Selector.compile(text);
        } catch (SelectorSyntaxException e) {
            throw BrokerErrors.invalidSelector(e.getMessage());
        }
    }
}
