package org.cairnmq.protocol.record;

import static org.cairnmq.protocol.record.MessageRecordDescriptor.PROPERTIES_HEADER_LENGTH;

import io.netty.buffer.ByteBuf;

/**
 * Walks a record's properties section ({@code int length, int count, count x (str name, tagged
 * value)}) without decoding the entries it passes over: a flyweight's lookup by name (which
 * allocates nothing, as the broker filters with it) and its visit of every property.
 */
final class PropertySection {

    private PropertySection() {
    }

    /**
     * Finds a property's tagged value.
     *
     * @param buffer the record's buffer
     * @param sectionOffset where the properties section starts
     * @param sectionEnd where it ends (exclusive)
     * @param name the property name
     * @return the offset of its value's tag, or {@link RecordLayout#ABSENT}
     */
    static int find(final ByteBuf buffer, final int sectionOffset, final int sectionEnd, final String name) {
        final int count = buffer.getInt(sectionOffset + Integer.BYTES);
        int cursor = sectionOffset + PROPERTIES_HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            final int tagOffset = tagOffset(buffer, cursor, sectionEnd);
            final int nameOffset = cursor + Integer.BYTES;
            if (Utf8Strings.utf8Equals(buffer, nameOffset, tagOffset - nameOffset, name)) {
                return tagOffset;
            }
            cursor = tagOffset + ValueCodec.encodedLength(buffer, tagOffset, sectionEnd);
        }
        return RecordLayout.ABSENT;
    }

    /**
     * Decodes every property, in encoded order.
     *
     * @param buffer the record's buffer
     * @param sectionOffset where the properties section starts
     * @param sectionEnd where it ends (exclusive)
     * @param visitor receives each name and value
     */
    static void forEach(final ByteBuf buffer, final int sectionOffset, final int sectionEnd,
                        final PropertyVisitor visitor) {
        final int count = buffer.getInt(sectionOffset + Integer.BYTES);
        int cursor = sectionOffset + PROPERTIES_HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            final int tagOffset = tagOffset(buffer, cursor, sectionEnd);
            // Bounds-check the value before decoding it: a corrupt length must fail as a ProtocolException.
            final int valueLength = ValueCodec.encodedLength(buffer, tagOffset, sectionEnd);
            visitor.onProperty(Utf8Strings.read(buffer, cursor), ValueCodec.read(buffer, tagOffset));
            cursor = tagOffset + valueLength;
        }
    }

    /** The offset of the value tag of the entry whose name starts at {@code cursor}, bounds-checked. */
    private static int tagOffset(final ByteBuf buffer, final int cursor, final int sectionEnd) {
        return cursor + Integer.BYTES + ValueCodec.checkedLength(buffer, cursor, sectionEnd);
    }
}
