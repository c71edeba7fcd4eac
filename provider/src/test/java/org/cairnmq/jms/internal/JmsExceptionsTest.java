package org.cairnmq.jms.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JmsExceptionsTest {

    static Stream<Arguments> mappings() {
        return Stream.of(
            Arguments.of(ErrorCode.INVALID_DESTINATION, InvalidDestinationException.class, InvalidDestinationRuntimeException.class),
            Arguments.of(ErrorCode.INVALID_SELECTOR, InvalidSelectorException.class, InvalidSelectorRuntimeException.class),
            Arguments.of(ErrorCode.AUTHENTICATION_FAILED, JMSSecurityException.class, JMSSecurityRuntimeException.class),
            Arguments.of(ErrorCode.NOT_AUTHORIZED, JMSSecurityException.class, JMSSecurityRuntimeException.class),
            Arguments.of(ErrorCode.RESOURCE_ALLOCATION, ResourceAllocationException.class, ResourceAllocationRuntimeException.class),
            Arguments.of(ErrorCode.MESSAGE_TOO_LARGE, ResourceAllocationException.class, ResourceAllocationRuntimeException.class),
            Arguments.of(ErrorCode.TRANSACTION_ROLLED_BACK, TransactionRolledBackException.class,
                TransactionRolledBackRuntimeException.class),
            Arguments.of(ErrorCode.TRANSACTION_IN_PROGRESS, TransactionInProgressException.class,
                TransactionInProgressRuntimeException.class),
            Arguments.of(ErrorCode.INVALID_CLIENT_ID, InvalidClientIDException.class, InvalidClientIDRuntimeException.class),
            Arguments.of(ErrorCode.ILLEGAL_STATE, IllegalStateException.class, IllegalStateRuntimeException.class),
            Arguments.of(ErrorCode.MESSAGE_FORMAT, MessageFormatException.class, MessageFormatRuntimeException.class),
            Arguments.of(ErrorCode.INTERNAL, JMSException.class, JMSRuntimeException.class),
            Arguments.of(ErrorCode.MALFORMED_FRAME, JMSException.class, JMSRuntimeException.class),
            Arguments.of(ErrorCode.XA_UNKNOWN_XID, JMSException.class, JMSRuntimeException.class),
            Arguments.of(ErrorCode.UNKNOWN, JMSException.class, JMSRuntimeException.class));
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void shouldMapEachErrorCodeToItsCheckedJmsException(
        final ErrorCode errorCode, final Class<?> checked, final Class<?> unchecked) {
        final JMSException exception = JmsExceptions.toJmsException(errorCode, "reason");

        assertThat(exception).isExactlyInstanceOf(checked).hasMessage("reason");
        assertThat(exception.getErrorCode()).isEqualTo(errorCode.name());
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void shouldMapEachErrorCodeToItsRuntimeJmsException(
        final ErrorCode errorCode, final Class<?> checked, final Class<?> unchecked) {
        final Throwable cause = new ProtocolException(errorCode == ErrorCode.UNKNOWN ? ErrorCode.INTERNAL : errorCode, "x");
        final JMSRuntimeException exception = JmsExceptions.toJmsRuntimeException(errorCode, "reason", cause);

        assertThat(exception).isExactlyInstanceOf(unchecked).hasMessage("reason").hasCause(cause);
        assertThat(exception.getErrorCode()).isEqualTo(errorCode.name());
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void shouldConvertEachCheckedExceptionToItsRuntimeCounterpart(
        final ErrorCode errorCode, final Class<?> checked, final Class<?> unchecked) {
        final JMSException original = JmsExceptions.toJmsException(errorCode, "reason");

        final JMSRuntimeException converted = JmsExceptions.toJmsRuntimeException(original);

        assertThat(converted).isExactlyInstanceOf(unchecked).hasMessage("reason").hasCause(original);
        assertThat(converted.getErrorCode()).isEqualTo(original.getErrorCode());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void shouldGiveEveryErrorCodeAnExceptionThatNamesIt(final ErrorCode errorCode) {
        assertThat(JmsExceptions.toJmsException(errorCode, "m").getErrorCode()).isEqualTo(errorCode.name());
        assertThat(JmsExceptions.toJmsRuntimeException(errorCode, "m", null).getErrorCode()).isEqualTo(errorCode.name());
    }

    @Test
    void shouldLinkTheProtocolExceptionItWasMadeFrom() {
        final ProtocolException failure = new ProtocolException(ErrorCode.INVALID_SELECTOR, "bad selector");

        final JMSException checked = JmsExceptions.toJmsException(failure);
        final JMSRuntimeException unchecked = JmsExceptions.toJmsRuntimeException(failure);

        assertThat(checked).isInstanceOf(InvalidSelectorException.class).hasCause(failure);
        assertThat(checked.getLinkedException()).isSameAs(failure);
        assertThat(checked.getMessage()).contains("bad selector");
        assertThat(unchecked).isInstanceOf(InvalidSelectorRuntimeException.class).hasCause(failure);
    }

    @Test
    void shouldKeepAForeignErrorCodeWhenConvertingAPlainJmsException() {
        final JMSException foreign = new JMSException("from elsewhere", "X-1");

        final JMSRuntimeException converted = JmsExceptions.toJmsRuntimeException(foreign);

        assertThat(converted).isExactlyInstanceOf(JMSRuntimeException.class);
        assertThat(converted.getErrorCode()).isEqualTo("X-1");
    }

    @Test
    void shouldConvertAMessageNotWriteableExceptionToItsRuntimeCounterpart() {
        final JMSException readOnly = new MessageNotWriteableException("read-only", "MESSAGE_NOT_WRITEABLE");

        final JMSRuntimeException converted = JmsExceptions.toJmsRuntimeException(readOnly);

        assertThat(converted).isExactlyInstanceOf(MessageNotWriteableRuntimeException.class)
            .hasCause(readOnly);
    }
}
