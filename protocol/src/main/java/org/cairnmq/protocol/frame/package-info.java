/**
 * Frames: the length-prefixed unit of the wire protocol. The layout is in
 * {@link org.cairnmq.protocol.frame.FrameDescriptor}; {@link org.cairnmq.protocol.frame.FrameHeader}
 * reads and writes it in place, {@link org.cairnmq.protocol.frame.FrameEncoder} writes whole frames
 * and {@link org.cairnmq.protocol.frame.FrameSplitter} cuts a byte stream into frames.
 */
package org.cairnmq.protocol.frame;
