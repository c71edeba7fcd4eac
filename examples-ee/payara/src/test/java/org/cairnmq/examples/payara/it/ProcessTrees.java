package org.cairnmq.examples.payara.it;

/** Kills a process and everything it started, children first. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Forcibly kills the process and its descendants; returns at once, without waiting for them to exit.
     *
     * @param root the process
     */
    static void kill(final ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }
}
