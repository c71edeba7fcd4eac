package org.cairnmq.server.broker.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.record.MapBodyCodec;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.cairnmq.protocol.record.MessageRecordWriter;
import org.cairnmq.protocol.record.StreamBodyCodec;

/**
 * Builds the copy of a message that the broker moves to a dead-letter or expiry queue: the same
 * message (id, timestamp, priority, headers, properties, body) re-addressed to the target queue,
 * with no expiration or delivery time, plus the properties that say where it came from and why.
 *
 * <p>Owning thread: the broker thread (one writer reused).
 */
final class RecordRewriter {

    private final MessageRecordWriter writer = new MessageRecordWriter();

    /**
     * @param original the original record (read-only)
     * @param targetQueue the queue the copy is addressed to
     * @param extraProperties the properties to add (they replace same-named ones)
     * @return the copy's bytes
     */
    byte[] copyTo(ByteBuf original, String targetQueue, Map<String, Object> extraProperties) {
        MessageRecordFlyweight in = new MessageRecordFlyweight().wrap(original);
        writer.reset().persistent(in.isPersistent()).priority(in.priority()).timestamp(in.timestamp())
                .destination(DestinationKind.QUEUE, targetQueue);
        if (in.hasMessageId()) {
            writer.messageId(in.messageId());
        }
        if (in.hasCorrelationId()) {
            if (in.isCorrelationIdBytes()) {
                writer.correlationIdBytes(in.correlationIdAsBytes());
            } else {
                writer.correlationId(in.correlationId());
            }
        }
        if (in.hasReplyTo()) {
            writer.replyTo(in.replyToKind(), in.replyToName());
        }
        if (in.type() != null) {
            writer.type(in.type());
        }
        in.forEachProperty((name, value) -> {
            if (!extraProperties.containsKey(name)) {
                writer.putObjectProperty(name, value);
            }
        });
        extraProperties.forEach(writer::putObjectProperty);
        copyBody(in);
        ByteBuf out = Unpooled.buffer();
        try {
            writer.writeTo(out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private void copyBody(MessageRecordFlyweight in) {
        switch (in.bodyType()) {
            case TEXT -> writer.textBody(in.text());
            case BYTES -> writer.bytesBody(in.body());
            case MAP -> writer.mapBody(MapBodyCodec.decode(in.body()));
            case STREAM -> writer.streamBody(StreamBodyCodec.decode(in.body()));
            case OBJECT -> {
                if (in.isBodyNull()) {
                    writer.objectBody(null);
                } else {
                    byte[] serialized = new byte[in.bodyLength()];
                    in.body().getBytes(0, serialized);
                    writer.objectBody(serialized);
                }
            }
            default -> writer.noBody();
        }
    }
}
