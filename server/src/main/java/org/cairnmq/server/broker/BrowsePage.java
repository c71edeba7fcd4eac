package org.cairnmq.server.broker;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One page of a browse.
 *
 * @param nextCursor the cursor of the next page
 * @param done whether the browse reached the end of the destination
 * @param records the message records of this page, read-only slices of the store
 */
public record BrowsePage(long nextCursor, boolean done, List<ByteBuffer> records) {
}
