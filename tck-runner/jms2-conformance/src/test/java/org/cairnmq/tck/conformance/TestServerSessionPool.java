package org.cairnmq.tck.conformance;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an application server supplies to a ConnectionConsumer (11.2.2, 11.2.3): a fixed pool of
 * server sessions, each a session of the given connection whose listener records the messages, and
 * whose {@code start()} runs the session in a new thread and returns it to the pool afterwards.
 */
final class TestServerSessionPool implements ServerSessionPool {

    private final BlockingQueue<ServerSession> idle;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    TestServerSessionPool(final Connection connection, final int size) throws JMSException {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            session.setMessageListener(message -> {
                threads.add(Thread.currentThread());
                received.add(message);
            });
            idle.add(new PooledServerSession(session));
        }
    }

    @Override
    public ServerSession getServerSession() throws JMSException {
        try {
            return idle.take();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted while waiting for a server session");
        }
    }

    List<Message> received() {
        return received;
    }

    List<Thread> threads() {
        return threads;
    }

    private final class PooledServerSession implements ServerSession {

        private final Session session;

        PooledServerSession(final Session session) {
            this.session = session;
        }

        @Override
        public Session getSession() {
            return session;
        }

        @Override
        public void start() {
            final Thread runner = new Thread(() -> {
                try {
                    session.run();
                } finally {
                    idle.add(this);
                }
            }, "test-server-session");
            runner.setDaemon(true);
            runner.start();
        }
    }
}
