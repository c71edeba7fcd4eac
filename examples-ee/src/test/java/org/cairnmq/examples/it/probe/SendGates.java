package org.cairnmq.examples.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The latches between a held send ({@link HeldSender}) and the requests that watch and release it,
 * keyed by the send's prefix. Every wait is bounded by {@link #MAX_WAIT_SECONDS}.
 */
@ApplicationScoped
public class SendGates {

    /** The longest any side waits for the other. */
    public static final long MAX_WAIT_SECONDS = 60;

    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /**
     * @param prefix the send's key
     * @return its gate, created on first use
     */
    public Gate gate(final String prefix) {
        return gates.computeIfAbsent(prefix, p -> new Gate());
    }

    /**
     * @param prefix the send's key
     */
    public void forget(final String prefix) {
        gates.remove(prefix);
    }

    /** One held send: sent once, released once. */
    public static final class Gate {

        private final CountDownLatch sent = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void markSent() {
            sent.countDown();
        }

        /** Lets the held transaction end. */
        public void release() {
            released.countDown();
        }

        /**
         * Waits until the messages are sent.
         *
         * @throws IllegalStateException when they are not within {@link #MAX_WAIT_SECONDS}
         */
        public void awaitSent() {
            await(sent, "the messages were not sent");
        }

        void awaitRelease() {
            await(released, "the test did not release the transaction");
        }

        private static void await(final CountDownLatch latch, final String failure) {
            try {
                if (!latch.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(failure + " within " + MAX_WAIT_SECONDS + " s");
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + failure, e);
            }
        }
    }
}
