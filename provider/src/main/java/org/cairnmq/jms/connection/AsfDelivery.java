package org.cairnmq.jms.connection;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application server facilities of a session: the session-level message listener
 * ({@code Session.setMessageListener}) and the messages a {@link CairnConnectionConsumer} loaded into
 * the session for {@code Session.run()} to give to that listener.
 *
 * <p>Thread safety: a connection consumer loads on its delivery thread; {@link #run()} runs on the
 * thread the application server's {@code ServerSession.start()} chose.
 */
final class AsfDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(AsfDelivery.class);

    /** Told whether the session-level listener processed a loaded message without throwing. */
    @FunctionalInterface
    interface Completion {
        void onProcessed(boolean succeeded);
    }

    private record Loaded(Message message, Completion completion) {
    }

    private final Queue<Loaded> loaded = new ConcurrentLinkedQueue<>();
    private volatile MessageListener listener;

    MessageListener listener() {
        return listener;
    }

    void setListener(final MessageListener newListener) {
        listener = newListener;
    }

    /** Loads a message for the next {@link #run()}. */
    void load(final Message message, final Completion completion) {
        loaded.add(new Loaded(message, completion));
    }

    /** Gives every loaded message to the session-level listener, in the order loaded. */
    void run() {
        Loaded next;
        while ((next = loaded.poll()) != null) {
            next.completion().onProcessed(deliver(next.message()));
        }
    }

    private boolean deliver(final Message message) {
        final MessageListener current = listener;
        if (current == null) {
            LOG.warn("Session.run() found a loaded message but the session has no message listener");
            return false;
        }
        try {
            current.onMessage(message);
            return true;
        } catch (final RuntimeException listenerFailure) {
            LOG.warn("The session's message listener threw; the message is redelivered", listenerFailure);
            return false;
        }
    }
}
