package org.cairnmq.client.session;

import java.util.List;

/**
 * One BROWSE answer.
 *
 * @param nextCursor the cursor to ask for the next page with
 * @param done whether the queue has no more messages after this page
 * @param records copies of the message records of this page, in queue order
 */
public record BrowsePage(long nextCursor, boolean done, List<byte[]> records) {
}
