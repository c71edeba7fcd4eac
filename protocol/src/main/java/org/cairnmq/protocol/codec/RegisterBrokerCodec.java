package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * The request body of REGISTER_BROKER, which a broker also repeats as its heartbeat to a name
 * server (docs/PROTOCOL.md, "Name server"). The response body is empty.
 *
 * <pre>
 *  str brokerName | str address (host:port) | int count
 *  count x ( byte kind | str name | int queueCount )
 * </pre>
 */
public final class RegisterBrokerCodec {

    /** The fewest bytes one topic entry takes: kind, an empty name, queue count. */
    private static final int MIN_TOPIC_BYTES = Byte.BYTES + Integer.BYTES + Integer.BYTES;

    private RegisterBrokerCodec() {
    }

    /**
     * One destination a broker serves.
     *
     * @param kind the destination kind
     * @param name the destination name
     * @param queueCount how many message queues it has on that broker
     */
    public record TopicEntry(DestinationKind kind, String name, int queueCount) {

        /**
         * Validates the entry.
         */
        public TopicEntry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            if (kind == DestinationKind.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is not a destination kind");
            }
        }
    }

    /**
     * A REGISTER_BROKER request.
     *
     * @param brokerName the broker's name, unique in the cluster
     * @param address where clients reach it, {@code host:port}
     * @param topics the destinations it serves
     */
    public record Request(String brokerName, String address, List<TopicEntry> topics) implements BodyWriter {

        /**
         * Copies the topic list.
         */
        public Request {
            Objects.requireNonNull(brokerName, "brokerName");
            Objects.requireNonNull(address, "address");
            topics = List.copyOf(topics);
        }

        @Override
        public void write(final ByteBuf out) {
            CodecSupport.writeString(out, brokerName);
            CodecSupport.writeString(out, address);
            out.writeInt(topics.size());
            for (final TopicEntry topic : topics) {
                CodecSupport.writeDestination(out, topic.kind(), topic.name());
                out.writeInt(topic.queueCount());
            }
        }
    }

    /**
     * Reads a request body.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the request
     * @throws org.cairnmq.protocol.command.ProtocolException MALFORMED_FRAME for a broken body
     */
    public static Request decode(final ByteBuf body) {
        final String brokerName = CodecSupport.readString(body);
        final String address = CodecSupport.readString(body);
        final int count = CodecSupport.readCount(body, MIN_TOPIC_BYTES);
        final List<TopicEntry> topics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final DestinationKind kind = CodecSupport.readDestinationKind(body);
            final String name = CodecSupport.readString(body);
            topics.add(new TopicEntry(kind, name, CodecSupport.readInt(body)));
        }
        CodecSupport.requireFullyRead(body);
        return new Request(brokerName, address, topics);
    }
}
