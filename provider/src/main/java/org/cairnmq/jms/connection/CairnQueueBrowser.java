package org.cairnmq.jms.connection;

import io.netty.buffer.Unpooled;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.BrowsePage;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.internal.JmsExceptions;
import org.cairnmq.jms.message.MessageRecordMapper;
import org.cairnmq.protocol.command.CommandCode;

/**
 * Looks at the messages of a queue without consuming them, one BROWSE page of
 * {@link #PAGE_SIZE} messages at a time, as the enumeration is read.
 *
 * <p>Thread safety: the session's thread of control.
 */
public final class CairnQueueBrowser implements QueueBrowser {

    /** How many messages one BROWSE request asks for. */
    static final int PAGE_SIZE = 100;

    private final CairnSession session;
    private final Queue queue;
    private final String selector;
    private volatile boolean closed;

    CairnQueueBrowser(final CairnSession session, final Queue queue, final String selector) {
        this.session = session;
        this.queue = queue;
        this.selector = selector;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector;
    }

    /**
     * Returns an enumeration over the queue's messages, from its head. A broker failure while reading it
     * surfaces as a {@link jakarta.jms.JMSRuntimeException}.
     */
    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        final CairnDestination destination = SessionArguments.cairnDestination(queue);
        return new Pages(session.connection().channelFor(destination), destination);
    }

    @Override
    public void close() throws JMSException {
        markClosed();
        session.removeBrowser(this);
    }

    void markClosed() {
        closed = true;
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException("CAIRN-J060 The browser is closed", "ILLEGAL_STATE");
        }
        session.checkOpen();
    }

    /** The enumeration: fetches the next page when the current one is used up. */
    private final class Pages implements Enumeration<Message> {

        private final BrokerChannel channel;
        private final CairnDestination destination;
        private final MessageRecordMapper mapper = new MessageRecordMapper();
        private final ArrayDeque<byte[]> records = new ArrayDeque<>();
        private long cursor;
        private boolean done;

        Pages(final BrokerChannel channel, final CairnDestination destination) {
            this.channel = channel;
            this.destination = destination;
        }

        @Override
        public boolean hasMoreElements() {
            while (records.isEmpty() && !done && !closed) {
                fetch();
            }
            return !records.isEmpty();
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("CAIRN-J061 No more messages to browse");
            }
            try {
                return mapper.decode(Unpooled.wrappedBuffer(records.removeFirst()));
            } catch (final JMSException undecodable) {
                throw JmsExceptions.toJmsRuntimeException(undecodable);
            }
        }

        private void fetch() {
            try {
                final BrowsePage page = Await.result(channel.request(CommandCode.BROWSE,
                        ClientCommands.browse(destination.kind(), destination.name(), selector, cursor, PAGE_SIZE)),
                    session.connection().config().requestTimeoutMs(), ClientCommands::readBrowsePage);
                final long previousCursor = cursor;
                records.addAll(page.records());
                cursor = page.nextCursor();
                done = page.done() || page.records().isEmpty() && page.nextCursor() == previousCursor;
            } catch (final JMSException failure) {
                throw JmsExceptions.toJmsRuntimeException(failure);
            }
        }
    }
}
