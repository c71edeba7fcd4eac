package org.cairnmq.protocol.record;

import static org.cairnmq.protocol.record.MessageRecordDescriptor.CORRELATION_ID_IS_BYTES_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.HAS_CORRELATION_ID_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.HAS_MESSAGE_ID_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.HAS_REPLY_TO_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.HAS_TYPE_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.NULL_BODY_LENGTH;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.PERSISTENT_FLAG;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link RecordFields} in the layout of {@link MessageRecordDescriptor}, field by field in
 * one pass, patching the length fields afterwards.
 */
final class RecordEncoder {

    private RecordEncoder() {
    }

    static int write(final RecordFields fields, final ByteBuf out) {
        final int start = out.writerIndex();
        writeFixedPart(fields, out);
        writeVariablePart(fields, out);
        writeProperties(fields, out);
        writeBody(fields, out);
        final int recordLength = out.writerIndex() - start;
        out.setInt(start + MessageRecordDescriptor.RECORD_LENGTH_OFFSET, recordLength);
        return recordLength;
    }

    private static void writeFixedPart(final RecordFields fields, final ByteBuf out) {
        out.writeInt(0);
        out.writeByte(MessageRecordDescriptor.CURRENT_VERSION);
        out.writeByte(fields.bodyType.code());
        out.writeByte(fields.priority);
        out.writeByte(0);
        out.writeInt(flags(fields));
        out.writeInt(fields.deliveryCount);
        out.writeLong(fields.timestamp);
        out.writeLong(fields.expiration);
        out.writeLong(fields.deliveryTime);
    }

    private static int flags(final RecordFields fields) {
        int flags = fields.persistent ? PERSISTENT_FLAG : 0;
        flags |= fields.messageId != null ? HAS_MESSAGE_ID_FLAG : 0;
        flags |= fields.correlationId != null ? HAS_CORRELATION_ID_FLAG : 0;
        flags |= fields.correlationId instanceof byte[] ? CORRELATION_ID_IS_BYTES_FLAG : 0;
        flags |= fields.replyToKind != null ? HAS_REPLY_TO_FLAG : 0;
        flags |= fields.type != null ? HAS_TYPE_FLAG : 0;
        return flags;
    }

    private static void writeVariablePart(final RecordFields fields, final ByteBuf out) {
        if (fields.messageId != null) {
            Utf8Strings.write(out, fields.messageId);
        }
        out.writeByte(fields.destinationKind.code());
        Utf8Strings.write(out, fields.destinationName);
        if (fields.correlationId instanceof byte[] bytes) {
            out.writeInt(bytes.length);
            out.writeBytes(bytes);
        } else if (fields.correlationId != null) {
            Utf8Strings.write(out, (String) fields.correlationId);
        }
        if (fields.replyToKind != null) {
            out.writeByte(fields.replyToKind.code());
            Utf8Strings.write(out, fields.replyToName);
        }
        if (fields.type != null) {
            Utf8Strings.write(out, fields.type);
        }
    }

    private static void writeProperties(final RecordFields fields, final ByteBuf out) {
        final int sectionLengthIndex = out.writerIndex();
        out.writeInt(0);
        out.writeInt(fields.propertyNames.size());
        for (int i = 0; i < fields.propertyNames.size(); i++) {
            Utf8Strings.write(out, fields.propertyNames.get(i));
            ValueCodec.write(out, fields.propertyValues.get(i));
        }
        out.setInt(sectionLengthIndex, out.writerIndex() - sectionLengthIndex - Integer.BYTES);
    }

    private static void writeBody(final RecordFields fields, final ByteBuf out) {
        final int bodyLengthIndex = out.writerIndex();
        out.writeInt(0);
        final BodyType bodyType = fields.bodyType;
        final Object body = fields.body;
        if (body == null) {
            final boolean nullable = bodyType == BodyType.TEXT || bodyType == BodyType.OBJECT;
            out.setInt(bodyLengthIndex, nullable ? NULL_BODY_LENGTH : 0);
            return;
        }
        switch (bodyType) {
            case TEXT -> out.writeCharSequence((String) body, StandardCharsets.UTF_8);
            case MAP -> MapBodyCodec.encode(castMap(body), out);
            case STREAM -> StreamBodyCodec.encode((List<?>) body, out);
            default -> writeRawBytes(out, body);
        }
        out.setInt(bodyLengthIndex, out.writerIndex() - bodyLengthIndex - Integer.BYTES);
    }

    private static void writeRawBytes(final ByteBuf out, final Object bytes) {
        if (bytes instanceof ByteBuf buffer) {
            out.writeBytes(buffer, buffer.readerIndex(), buffer.readableBytes());
        } else {
            out.writeBytes((byte[]) bytes);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(final Object map) {
        return (Map<String, ?>) map;
    }
}
