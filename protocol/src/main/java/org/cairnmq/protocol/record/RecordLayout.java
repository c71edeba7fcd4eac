package org.cairnmq.protocol.record;

import static org.cairnmq.protocol.record.MessageRecordDescriptor.BODY_HEADER_LENGTH;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.BODY_TYPE_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.FIXED_LENGTH;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.FLAGS_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.HAS_CORRELATION_ID_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.HAS_MESSAGE_ID_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.HAS_REPLY_TO_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.HAS_TYPE_FLAG;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.NULL_BODY_LENGTH;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.PRIORITY_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.RECORD_LENGTH_OFFSET;
import static org.cairnmq.protocol.record.MessageRecordDescriptor.VERSION_OFFSET;

import io.netty.buffer.ByteBuf;

/**
 * Checks a record's framing and finds where each variable field starts: the work
 * {@link MessageRecordFlyweight#wrap} does once per record. Owned by its flyweight.
 */
final class RecordLayout {

    /** Offset of a field the record does not have. */
    static final int ABSENT = -1;

    int flags;
    int messageIdOffset;
    int destinationOffset;
    int correlationIdOffset;
    int replyToOffset;
    int typeOffset;
    int propertiesOffset;
    int propertiesEnd;
    int bodyLengthOffset;

    private ByteBuf buffer;

    /**
     * Lays out a record.
     *
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     record is not well-formed
     */
    void layOut(final ByteBuf buffer, final int offset, final int length) {
        if (length < MessageRecordDescriptor.MIN_RECORD_LENGTH || offset < 0 || length > buffer.capacity() - offset) {
            throw ValueCodec.malformed("record of " + length + " bytes at " + offset + " is too short or out of bounds");
        }
        this.buffer = buffer;
        checkFixedPart(offset, length);
        flags = buffer.getInt(offset + FLAGS_OFFSET);
        layOutVariablePart(offset + FIXED_LENGTH, offset + length);
    }

    private void checkFixedPart(final int offset, final int length) {
        final int recordLength = buffer.getInt(offset + RECORD_LENGTH_OFFSET);
        if (recordLength != length) {
            throw ValueCodec.malformed("record length field " + recordLength + " differs from " + length);
        }
        final byte version = buffer.getByte(offset + VERSION_OFFSET);
        if (version != MessageRecordDescriptor.CURRENT_VERSION) {
            throw ValueCodec.malformed("record version " + version + " is not supported");
        }
        if (BodyType.fromCode(buffer.getByte(offset + BODY_TYPE_OFFSET)) == BodyType.UNKNOWN) {
            throw ValueCodec.malformed("unknown body type " + buffer.getByte(offset + BODY_TYPE_OFFSET));
        }
        final int priority = buffer.getByte(offset + PRIORITY_OFFSET);
        if (priority < MessageRecordDescriptor.MIN_PRIORITY || priority > MessageRecordDescriptor.MAX_PRIORITY) {
            throw ValueCodec.malformed("priority " + priority + " is out of range");
        }
    }

    private void layOutVariablePart(final int variableOffset, final int limit) {
        int cursor = variableOffset;
        messageIdOffset = hasFlag(HAS_MESSAGE_ID_FLAG) ? cursor : ABSENT;
        cursor = skipString(messageIdOffset, cursor, limit);
        destinationOffset = cursor;
        cursor = skipDestination(cursor, limit);
        correlationIdOffset = hasFlag(HAS_CORRELATION_ID_FLAG) ? cursor : ABSENT;
        cursor = skipString(correlationIdOffset, cursor, limit);
        replyToOffset = hasFlag(HAS_REPLY_TO_FLAG) ? cursor : ABSENT;
        if (replyToOffset != ABSENT) {
            cursor = skipDestination(cursor, limit);
        }
        typeOffset = hasFlag(HAS_TYPE_FLAG) ? cursor : ABSENT;
        cursor = skipString(typeOffset, cursor, limit);
        propertiesOffset = cursor;
        final int sectionLength = ValueCodec.checkedLength(buffer, cursor, limit);
        propertiesEnd = cursor + Integer.BYTES + sectionLength;
        if (sectionLength < Integer.BYTES || buffer.getInt(cursor + Integer.BYTES) < 0) {
            throw ValueCodec.malformed("properties section at " + cursor + " has no valid count");
        }
        bodyLengthOffset = propertiesEnd;
        checkBody(buffer.getByte(variableOffset - FIXED_LENGTH + BODY_TYPE_OFFSET), limit);
    }

    private void checkBody(final byte bodyTypeCode, final int limit) {
        if (limit - bodyLengthOffset < BODY_HEADER_LENGTH) {
            throw ValueCodec.malformed("record has no body length");
        }
        final int bodyLength = buffer.getInt(bodyLengthOffset);
        final BodyType bodyType = BodyType.fromCode(bodyTypeCode);
        if (bodyLength == NULL_BODY_LENGTH && (bodyType == BodyType.TEXT || bodyType == BodyType.OBJECT)) {
            if (bodyLengthOffset + BODY_HEADER_LENGTH != limit) {
                throw ValueCodec.malformed("record has trailing bytes after a null body");
            }
            return;
        }
        if (bodyLength < 0 || bodyLength != limit - bodyLengthOffset - BODY_HEADER_LENGTH) {
            throw ValueCodec.malformed("body length " + bodyLength + " does not end the record");
        }
    }

    private int skipString(final int fieldOffset, final int cursor, final int limit) {
        if (fieldOffset == ABSENT) {
            return cursor;
        }
        return cursor + Integer.BYTES + ValueCodec.checkedLength(buffer, cursor, limit);
    }

    private int skipDestination(final int cursor, final int limit) {
        if (cursor >= limit || DestinationKind.fromCode(buffer.getByte(cursor)) == DestinationKind.UNKNOWN) {
            throw ValueCodec.malformed("no valid destination kind at " + cursor);
        }
        return cursor + 1 + Integer.BYTES + ValueCodec.checkedLength(buffer, cursor + 1, limit);
    }

    boolean hasFlag(final int flag) {
        return (flags & flag) != 0;
    }
}
