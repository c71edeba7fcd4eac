package org.cairnmq.client;

import java.util.concurrent.TimeoutException;

/** A request got no response within the connection's request timeout. */
public final class RequestTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which request timed out, and after how long
     */
    public RequestTimeoutException(final String message) {
        super(message);
    }
}
