package org.cairnmq.ra.support;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * The container's side of message delivery in a test: endpoints that record the text of each message.
 * A transacted factory plays the container's transaction manager too: {@code beforeDelivery} starts a
 * branch on the resource given to {@code createEndpoint}, {@code afterDelivery} commits it, or rolls it
 * back when {@code onMessage} failed or the bean asked for a rollback.
 */
public final class RecordingEndpointFactory implements MessageEndpointFactory {

    private final boolean transacted;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<String> committed = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableCreations = new AtomicInteger();
    private final AtomicInteger refusedCreations = new AtomicInteger();
    private final AtomicInteger createdEndpoints = new AtomicInteger();
    private volatile Predicate<String> rollbackWhen = text -> false;
    private volatile Predicate<String> throwWhen = text -> false;

    /** @param transacted whether {@code onMessage} is transactional */
    public RecordingEndpointFactory(final boolean transacted) {
        this.transacted = transacted;
    }

    /** @param count how many first calls of createEndpoint throw UnavailableException */
    public void unavailableFor(final int count) {
        unavailableCreations.set(count);
    }

    /** @param condition the messages whose transaction the bean marks rollback-only */
    public void rollbackWhen(final Predicate<String> condition) {
        this.rollbackWhen = condition;
    }

    /** @param condition the messages on which onMessage throws */
    public void throwWhen(final Predicate<String> condition) {
        this.throwWhen = condition;
    }

    /** @return the text of every delivery, redeliveries included, in order */
    public List<String> delivered() {
        return delivered;
    }

    /** @return the text of every delivery whose transaction committed (or that returned, not transacted) */
    public List<String> committed() {
        return committed;
    }

    /** @return how many endpoint creations were refused */
    public int refusedCreations() {
        return refusedCreations.get();
    }

    /** @return how many endpoints were created (each one a delivery, transacted or not) */
    public int createdEndpoints() {
        return createdEndpoints.get();
    }

    @Override
    public MessageEndpoint createEndpoint(final XAResource xaResource) throws UnavailableException {
        if (unavailableCreations.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            refusedCreations.incrementAndGet();
            throw new UnavailableException("the bean is still starting");
        }
        createdEndpoints.incrementAndGet();
        return new Endpoint(xaResource);
    }

    @Override
    public MessageEndpoint createEndpoint(final XAResource xaResource, final long timeout)
        throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(final Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "RecordingBean";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    /** One bean instance's proxy. */
    private final class Endpoint implements MessageEndpoint, MessageListener {

        private final XAResource resource;
        private TestBranch branch;
        private boolean rollbackOnly;
        private String text;

        Endpoint(final XAResource resource) {
            this.resource = resource;
        }

        @Override
        public void beforeDelivery(final Method method) throws ResourceException {
            if (transacted) {
                try {
                    branch = TestBranch.start(resource);
                } catch (final XAException failure) {
                    throw new ResourceException("start failed", failure);
                }
            }
            rollbackOnly = false;
            text = null;
        }

        @Override
        public void onMessage(final Message message) {
            try {
                text = ((TextMessage) message).getText();
            } catch (final JMSException failure) {
                throw new IllegalStateException(failure);
            }
            delivered.add(text);
            if (rollbackWhen.test(text)) {
                rollbackOnly = true;
            }
            if (throwWhen.test(text)) {
                rollbackOnly = true;
                throw new IllegalStateException("the bean fails on " + text);
            }
            if (!transacted) {
                committed.add(text);
            }
        }

        @Override
        public void afterDelivery() throws ResourceException {
            if (branch == null) {
                return;
            }
            try {
                if (rollbackOnly) {
                    branch.rollback();
                } else {
                    branch.commit();
                    if (text != null) {
                        committed.add(text);
                    }
                }
            } catch (final XAException failure) {
                throw new ResourceException("completion failed", failure);
            } finally {
                branch = null;
            }
        }

        @Override
        public void release() {
            branch = null;
        }
    }
}
