package org.cairnmq.server.broker;

import java.util.Objects;
import org.cairnmq.protocol.command.ErrorCode;

/**
 * A request the broker refuses, with the error code to answer and a message starting with a stable
 * id ({@code CAIRN-2xxx}). Broker futures complete exceptionally with it.
 */
public final class BrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The error code to answer with. */
    private final ErrorCode errorCode;

    /**
     * @param errorCode the error code to answer with
     * @param message the reason, starting with its stable id
     */
    public BrokerException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /**
     * @return the error code to answer with
     */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
