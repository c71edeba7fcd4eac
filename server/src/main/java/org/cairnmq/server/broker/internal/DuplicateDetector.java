package org.cairnmq.server.broker.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.server.store.AppendResult;
import org.cairnmq.server.store.MessageKeyIndex;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.StoreException;
import org.cairnmq.server.store.StoredRecord;

/**
 * Finds a resend of a message id stored within the duplicate window: first among the appends the
 * key index may not have indexed yet (kept here until it has), then in the key index, verifying each
 * candidate's key by reading its record.
 *
 * <p>Owning thread: the broker thread.
 */
final class DuplicateDetector {

    private static final int MAX_CANDIDATES = 16;

    private final MessageStore store;
    private final MessageKeyIndex keyIndex;
    private final Clock clock;
    private final long windowMs;
    private final Map<String, CompletableFuture<AppendResult>> recent = new HashMap<>();

    DuplicateDetector(MessageStore store, MessageKeyIndex keyIndex, Clock clock, long windowMs) {
        this.store = store;
        this.keyIndex = keyIndex;
        this.clock = clock;
        this.windowMs = windowMs;
    }

    /**
     * @param messageId the id
     * @return the append of the same id still in progress or not yet indexed, or null
     */
    CompletableFuture<AppendResult> recentAppend(String messageId) {
        return recent.get(messageId);
    }

    /**
     * @param messageId the id
     * @return whether a record with this key was stored within the window
     */
    boolean isIndexed(String messageId) {
        if (windowMs == 0) {
            return false;
        }
        byte[] key = messageId.getBytes(StandardCharsets.UTF_8);
        long sinceMs = clock.millis() - windowMs;
        for (long commitLogOffset : keyIndex.lookup(key, sinceMs, MAX_CANDIDATES)) {
            StoredRecord record = readAt(commitLogOffset);
            if (record != null && record.storeTimestampMs() >= sinceMs && Arrays.equals(record.key(), key)) {
                return true;
            }
        }
        return false;
    }

    private StoredRecord readAt(long commitLogOffset) {
        try {
            return store.readAt(commitLogOffset);
        } catch (StoreException e) {
            return null;
        }
    }

    /**
     * @param messageId the id being appended
     * @param append its append
     */
    void onAppend(String messageId, CompletableFuture<AppendResult> append) {
        if (windowMs > 0) {
            recent.put(messageId, append);
        }
    }

    /** Forgets the appends the key index has indexed (or that failed); called periodically. */
    void prune() {
        long indexedUpTo = keyIndex.indexedUpToCommitLogOffset();
        recent.values().removeIf(append -> {
            if (!append.isDone()) {
                return false;
            }
            if (append.isCompletedExceptionally()) {
                return true;
            }
            AppendResult result = append.getNow(null);
            return result == null || !result.isOk() || result.commitLogOffset() < indexedUpTo;
        });
    }
}
