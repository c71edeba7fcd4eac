package org.cairnmq.ra.outbound;

/** A consumer, producer or browser made through a handle, closed when its session or context closes. */
interface ChildHandle {

    /** Closes the child, ignoring failures: its session is closing anyway. */
    void closeQuietly();
}
