package org.cairnmq.server.store;

/**
 * A structure built from the CommitLog. The dispatch thread calls every dispatcher, in log order,
 * once per record past the dispatcher's recovered position.
 *
 * <p>Owning thread: {@link #dispatch} is only ever called from the store's dispatch thread.
 */
@FunctionalInterface
public interface CommitLogDispatcher {

    /**
     * Called for each record appended to, or replayed from, the CommitLog.
     *
     * @param request the record's coordinates
     */
    void dispatch(DispatchRequest request);
}
