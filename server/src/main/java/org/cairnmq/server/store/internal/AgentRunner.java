package org.cairnmq.server.store.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link StoreAgent} on its own thread until closed.
 *
 * <p>Design note: the runner stops by flag, not by interrupt. Agents wait only a few milliseconds at a
 * time, and an interrupt could close a {@code FileChannel} under an agent doing I/O.
 */
public final class AgentRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

    private final StoreAgent agent;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    /**
     * @param agent the agent to run
     */
    public AgentRunner(StoreAgent agent) {
        this.agent = agent;
        this.thread = new Thread(this::run, "cairn-store-" + agent.roleName());
        this.thread.setDaemon(true);
    }

    /**
     * @return the agent's thread (not yet started until {@link #start()})
     */
    public Thread thread() {
        return thread;
    }

    /**
     * Starts the agent's thread.
     */
    public void start() {
        thread.start();
    }

    /**
     * @return the failure that stopped the agent, or null
     */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                agent.doWork();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("store agent {} stopped on failure", agent.roleName(), e);
        } finally {
            agent.onClose();
        }
    }

    /**
     * Stops the loop, lets the agent finish in {@link StoreAgent#onClose()} and waits for the thread.
     */
    @Override
    public void close() {
        running = false;
        if (thread.isAlive() || thread.getState() != Thread.State.NEW) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
