package org.cairnmq.jms.internal;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * The one place that turns a protocol {@link ErrorCode} into a JMS exception: the checked
 * {@link JMSException} subclasses of the classic API and the {@link JMSRuntimeException}
 * subclasses of the simplified API. Every exception carries the error code's name (for example
 * {@code "INVALID_DESTINATION"}) as its JMS error code, a stable id a user can search for.
 *
 * <pre>
 *   ErrorCode                                  exception (checked / runtime)
 *   INVALID_DESTINATION                        InvalidDestination(Runtime)Exception
 *   INVALID_SELECTOR                           InvalidSelector(Runtime)Exception
 *   AUTHENTICATION_FAILED, NOT_AUTHORIZED      JMSSecurity(Runtime)Exception
 *   RESOURCE_ALLOCATION, MESSAGE_TOO_LARGE     ResourceAllocation(Runtime)Exception
 *   TRANSACTION_ROLLED_BACK                    TransactionRolledBack(Runtime)Exception
 *   TRANSACTION_IN_PROGRESS                    TransactionInProgress(Runtime)Exception
 *   INVALID_CLIENT_ID                          InvalidClientID(Runtime)Exception
 *   ILLEGAL_STATE                              IllegalState(Runtime)Exception
 *   MESSAGE_FORMAT                             MessageFormat(Runtime)Exception
 *   anything else                              JMSException / JMSRuntimeException
 * </pre>
 *
 * <p>{@link #toJmsRuntimeException(JMSException)} also maps the checked exceptions no error code
 * produces, such as MessageNotWriteableException to MessageNotWriteableRuntimeException.
 *
 * <p>Design note: MESSAGE_TOO_LARGE maps to ResourceAllocationException because the message is
 * well-formed and it is the broker's size limit, a resource, that refuses it; MessageFormatException
 * is kept for type conversions and invalid values. XA codes reach the application as
 * {@code XAException}s from the XA resource, not through this class, so here they fall back to
 * {@link JMSException}.
 */
public final class JmsExceptions {

    private JmsExceptions() {
    }

    /** What kind of JMS exception an error code becomes; both factories switch on it. */
    private enum Kind {
        INVALID_DESTINATION, INVALID_SELECTOR, SECURITY, RESOURCE_ALLOCATION, TRANSACTION_ROLLED_BACK,
        TRANSACTION_IN_PROGRESS, INVALID_CLIENT_ID, ILLEGAL_STATE, MESSAGE_FORMAT, MESSAGE_NOT_WRITEABLE, GENERIC
    }

    private static Kind kindOf(final ErrorCode errorCode) {
        return switch (errorCode) {
            case INVALID_DESTINATION -> Kind.INVALID_DESTINATION;
            case INVALID_SELECTOR -> Kind.INVALID_SELECTOR;
            case AUTHENTICATION_FAILED, NOT_AUTHORIZED -> Kind.SECURITY;
            case RESOURCE_ALLOCATION, MESSAGE_TOO_LARGE -> Kind.RESOURCE_ALLOCATION;
            case TRANSACTION_ROLLED_BACK -> Kind.TRANSACTION_ROLLED_BACK;
            case TRANSACTION_IN_PROGRESS -> Kind.TRANSACTION_IN_PROGRESS;
            case INVALID_CLIENT_ID -> Kind.INVALID_CLIENT_ID;
            case ILLEGAL_STATE -> Kind.ILLEGAL_STATE;
            case MESSAGE_FORMAT -> Kind.MESSAGE_FORMAT;
            default -> Kind.GENERIC;
        };
    }

    private static Kind kindOf(final JMSException exception) {
        if (exception instanceof InvalidDestinationException) {
            return Kind.INVALID_DESTINATION;
        } else if (exception instanceof InvalidSelectorException) {
            return Kind.INVALID_SELECTOR;
        } else if (exception instanceof JMSSecurityException) {
            return Kind.SECURITY;
        } else if (exception instanceof ResourceAllocationException) {
            return Kind.RESOURCE_ALLOCATION;
        } else if (exception instanceof TransactionRolledBackException) {
            return Kind.TRANSACTION_ROLLED_BACK;
        } else if (exception instanceof TransactionInProgressException) {
            return Kind.TRANSACTION_IN_PROGRESS;
        } else if (exception instanceof InvalidClientIDException) {
            return Kind.INVALID_CLIENT_ID;
        } else if (exception instanceof IllegalStateException) {
            return Kind.ILLEGAL_STATE;
        } else if (exception instanceof MessageFormatException) {
            return Kind.MESSAGE_FORMAT;
        } else if (exception instanceof MessageNotWriteableException) {
            return Kind.MESSAGE_NOT_WRITEABLE;
        }
        return Kind.GENERIC;
    }

    /**
     * Creates the checked exception for an error code.
     *
     * @param errorCode the code a response or a local check reported
     * @param message the reason, shown to the user
     * @return the matching {@link JMSException} subclass, its error code set to {@code errorCode}'s name
     */
    public static JMSException toJmsException(final ErrorCode errorCode, final String message) {
        final String code = errorCode.name();
        return switch (kindOf(errorCode)) {
            case INVALID_DESTINATION -> new InvalidDestinationException(message, code);
            case INVALID_SELECTOR -> new InvalidSelectorException(message, code);
            case SECURITY -> new JMSSecurityException(message, code);
            case RESOURCE_ALLOCATION -> new ResourceAllocationException(message, code);
            case TRANSACTION_ROLLED_BACK -> new TransactionRolledBackException(message, code);
            case TRANSACTION_IN_PROGRESS -> new TransactionInProgressException(message, code);
            case INVALID_CLIENT_ID -> new InvalidClientIDException(message, code);
            case ILLEGAL_STATE -> new IllegalStateException(message, code);
            case MESSAGE_FORMAT -> new MessageFormatException(message, code);
            case MESSAGE_NOT_WRITEABLE -> new MessageNotWriteableException(message, code);
            case GENERIC -> new JMSException(message, code);
        };
    }

    /**
     * Creates the checked exception for a protocol failure, linking the failure as its cause.
     *
     * @param failure the protocol exception
     * @return the matching {@link JMSException} subclass
     */
    public static JMSException toJmsException(final ProtocolException failure) {
        final JMSException exception = toJmsException(failure.errorCode(), failure.getMessage());
        exception.setLinkedException(failure);
        exception.initCause(failure);
        return exception;
    }

    /**
     * Creates the unchecked exception of the simplified API for an error code.
     *
     * @param errorCode the code a response or a local check reported
     * @param message the reason, shown to the user
     * @param cause the underlying failure, or {@code null}
     * @return the matching {@link JMSRuntimeException} subclass, its error code set to {@code errorCode}'s name
     */
    public static JMSRuntimeException toJmsRuntimeException(
        final ErrorCode errorCode, final String message, final Throwable cause) {
        return newRuntimeException(kindOf(errorCode), message, errorCode.name(), cause);
    }

    /**
     * Creates the unchecked exception of the simplified API for a protocol failure.
     *
     * @param failure the protocol exception, kept as the cause
     * @return the matching {@link JMSRuntimeException} subclass
     */
    public static JMSRuntimeException toJmsRuntimeException(final ProtocolException failure) {
        return toJmsRuntimeException(failure.errorCode(), failure.getMessage(), failure);
    }

    /**
     * Converts a checked exception of the classic API into its simplified-API counterpart, as a
     * {@code JMSContext} must when it delegates to a session.
     *
     * @param exception the checked exception, kept as the cause
     * @return the unchecked counterpart with the same message and error code
     */
    public static JMSRuntimeException toJmsRuntimeException(final JMSException exception) {
        return newRuntimeException(kindOf(exception), exception.getMessage(), exception.getErrorCode(), exception);
    }

    private static JMSRuntimeException newRuntimeException(
        final Kind kind, final String message, final String code, final Throwable cause) {
        return switch (kind) {
            case INVALID_DESTINATION -> new InvalidDestinationRuntimeException(message, code, cause);
            case INVALID_SELECTOR -> new InvalidSelectorRuntimeException(message, code, cause);
            case SECURITY -> new JMSSecurityRuntimeException(message, code, cause);
            case RESOURCE_ALLOCATION -> new ResourceAllocationRuntimeException(message, code, cause);
            case TRANSACTION_ROLLED_BACK -> new TransactionRolledBackRuntimeException(message, code, cause);
            case TRANSACTION_IN_PROGRESS -> new TransactionInProgressRuntimeException(message, code, cause);
            case INVALID_CLIENT_ID -> new InvalidClientIDRuntimeException(message, code, cause);
            case ILLEGAL_STATE -> new IllegalStateRuntimeException(message, code, cause);
            case MESSAGE_FORMAT -> new MessageFormatRuntimeException(message, code, cause);
            case MESSAGE_NOT_WRITEABLE -> new MessageNotWriteableRuntimeException(message, code, cause);
            case GENERIC -> new JMSRuntimeException(message, code, cause);
        };
    }
}
