package org.cairnmq.client;

/** A request could not complete because its connection closed or was lost first. */
public final class ConnectionLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was lost
     * @param cause the underlying failure, or {@code null}
     */
    public ConnectionLostException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
