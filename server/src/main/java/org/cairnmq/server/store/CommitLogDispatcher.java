package org.cairnmq.server.store;

/**
 * A structure built from the CommitLog. The dispatch thread calls every dispatcher, in log order,
 * once per record past the dispatcher's recovered position.
 *
 * <p>Lifecycle hooks, all with do-nothing defaults so that a plain lambda stays a dispatcher:
 * <ul>
 *   <li>{@link #recoveredUpToCommitLogOffset()}: asked once during {@link MessageStore#start()};
 *       replay begins at the lowest such position (never below the CommitLog's minimum offset).</li>
 *   <li>{@link #onCommitLogTruncated(long)}: once during start, with the recovered end of the
 *       CommitLog, before any replay; whatever the dispatcher holds at or above it is gone.</li>
 *   <li>{@link #onCommitLogDeletedBelow(long)}: after retention deleted CommitLog segments.</li>
 *   <li>{@link #flush()}: every checkpoint interval and on close.</li>
 * </ul>
 *
 * <p>Owning thread: {@link #dispatch}, {@link #onCommitLogDeletedBelow} and {@link #flush} are only
 * ever called from the store's dispatch thread; {@link #recoveredUpToCommitLogOffset} and
 * {@link #onCommitLogTruncated} from the thread that starts the store, before the dispatch thread
 * runs.
 */
@FunctionalInterface
public interface CommitLogDispatcher {

    /**
     * Called for each record appended to, or replayed from, the CommitLog.
     *
     * @param request the record's coordinates
     */
    void dispatch(DispatchRequest request);

    /**
     * @return the CommitLog offset up to which this dispatcher durably holds every record, where the
     *     store's replay must start for it; {@code Long.MAX_VALUE} (the default) when it keeps no
     *     durable state and needs no replay
     */
    default long recoveredUpToCommitLogOffset() {
        return Long.MAX_VALUE;
    }

    /**
     * Tells the dispatcher where the recovered CommitLog ends; recovery may have cut a torn tail, so
     * every entry at or above {@code newEndOffset} must go (new records will reuse those offsets).
     *
     * @param newEndOffset the CommitLog's end offset after recovery
     */
    default void onCommitLogTruncated(long newEndOffset) {
    }

    /**
     * Tells the dispatcher that retention deleted every CommitLog record below {@code newMinOffset}.
     *
     * @param newMinOffset the CommitLog's new minimum offset
     */
    default void onCommitLogDeletedBelow(long newMinOffset) {
    }

    /**
     * Makes what was dispatched so far durable, so that after a crash
     * {@link #recoveredUpToCommitLogOffset()} is at least where it was at this call.
     */
    default void flush() {
    }
}
