package org.cairnmq.benchmarks.load;

/** An unchecked failure of a load run: a bad option, a JNDI lookup, a JMS call or a stuck worker. */
public final class LoadToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message only. */
    public LoadToolException(String message) {
        super(message);
    }

    /** Creates an exception that wraps its cause. */
    public LoadToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
