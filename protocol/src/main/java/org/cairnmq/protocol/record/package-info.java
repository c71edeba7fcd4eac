/**
 * The binary message record: one encoding of a JMS message for the wire and the CommitLog, with a
 * flyweight reader, a writer, the typed map and stream body codecs, and the selector's view of it.
 * The layout is in {@link org.cairnmq.protocol.record.MessageRecordDescriptor}.
 */
package org.cairnmq.protocol.record;
