package org.cairnmq.ra.outbound;

/** A session or context handle that keeps track of the children made with it. */
interface ChildOwner {

    /**
     * Forgets a child that closed itself.
     *
     * @param child the closed child
     */
    void untrack(ChildHandle child);
}
