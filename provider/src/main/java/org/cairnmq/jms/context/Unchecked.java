package org.cairnmq.jms.context;

import jakarta.jms.JMSException;
import org.cairnmq.jms.internal.JmsExceptions;

/**
 * Runs a call of the classic API for the simplified API, turning its checked {@link JMSException}
 * into the matching {@link jakarta.jms.JMSRuntimeException} ({@link JmsExceptions} decides which).
 */
final class Unchecked {

    /** A classic-API call with a result. */
    @FunctionalInterface
    interface JmsCall<T> {
        T call() throws JMSException;
    }

    /** A classic-API call without a result. */
    @FunctionalInterface
    interface JmsAction {
        void run() throws JMSException;
    }

    private Unchecked() {
    }

    static <T> T call(final JmsCall<T> call) {
        try {
            return call.call();
        } catch (final JMSException failure) {
            throw JmsExceptions.toJmsRuntimeException(failure);
        }
    }

    static void run(final JmsAction action) {
        try {
            action.run();
        } catch (final JMSException failure) {
            throw JmsExceptions.toJmsRuntimeException(failure);
        }
    }
}
