package org.cairnmq.ra.outbound;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

/**
 * What the child handles ({@link BrowserHandle}, {@link ConsumerHandle}, {@link ProducerHandle},
 * {@link JMSConsumerHandle}) share: the provider's object they wrap, their closed state, and the
 * {@link ChildHandles} of the session or context that closes them with itself.
 *
 * <p>Thread safety: used by the thread of the owning session or context; {@link #closeQuietly()} may
 * come from the container's thread, so the closed flag is volatile.
 *
 * @param <P> the provider's object
 * @param <X> the exception a use of the closed handle throws (checked in the classic API, unchecked in
 *     the simplified one)
 */
abstract class TrackedChild<P, X extends Exception> implements ChildHandle {

    private static final System.Logger LOG = System.getLogger(TrackedChild.class.getName());

    private final ChildHandles owner;
    private final P physical;
    private final String what;
    private volatile boolean closed;

    /**
     * Creates the handle.
     *
     * @param owner the children of the session or context it was made with
     * @param physical the provider's object
     * @param what {@code browser}, {@code consumer} or {@code producer}, for messages
     */
    TrackedChild(final ChildHandles owner, final P physical, final String what) {
        this.owner = owner;
        this.physical = physical;
        this.what = what;
    }

    /**
     * Returns the provider's object.
     *
     * @return the provider's object
     * @throws X if the handle is closed
     */
    final P physical() throws X {
        checkOpen();
        return physical;
    }

    /**
     * Fails if the handle is closed.
     *
     * @throws X if it is
     */
    final void checkOpen() throws X {
        if (closed) {
            throw closedFailure(what);
        }
    }

    /**
     * Marks the handle closed on the application's request and stops tracking it; only the first call
     * does so.
     *
     * @return whether this call closed it, and so must close the provider's object
     */
    final boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        owner.untrack(this);
        return true;
    }

    @Override
    public final void closeQuietly() {
        closed = true;
        try {
            closePhysical();
        } catch (final JMSException | JMSRuntimeException failure) {
            LOG.log(System.Logger.Level.DEBUG, "closing a " + what + " failed", failure);
        }
    }

    /**
     * Returns the exception for a use of the closed handle.
     *
     * @param kind {@code browser}, {@code consumer} or {@code producer}
     * @return the exception to throw
     */
    abstract X closedFailure(String kind);

    /**
     * Closes the provider's object.
     *
     * @throws JMSException if the provider fails to
     */
    abstract void closePhysical() throws JMSException;

    /** @return the provider's object, whether or not the handle is closed */
    final P physicalUnchecked() {
        return physical;
    }
}
