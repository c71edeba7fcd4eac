package org.cairnmq.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import org.cairnmq.client.ConnectionLostException;
import org.cairnmq.client.RequestTimeoutException;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class XaErrorsTest {

    /** The table of the issue and docs/PROTOCOL.md, written out independently of the code under test. */
    private static final Map<ErrorCode, Integer> EXPECTED = Map.ofEntries(
        Map.entry(ErrorCode.XA_ROLLED_BACK, XAException.XA_RBROLLBACK),
        Map.entry(ErrorCode.XA_ROLLED_BACK_TIMEOUT, XAException.XA_RBTIMEOUT),
        Map.entry(ErrorCode.XA_ROLLED_BACK_COMMUNICATION, XAException.XA_RBCOMMFAIL),
        Map.entry(ErrorCode.XA_UNKNOWN_XID, XAException.XAER_NOTA),
        Map.entry(ErrorCode.XA_INVALID_ARGUMENTS, XAException.XAER_INVAL),
        Map.entry(ErrorCode.XA_PROTOCOL_ERROR, XAException.XAER_PROTO),
        Map.entry(ErrorCode.XA_DUPLICATE_XID, XAException.XAER_DUPID),
        Map.entry(ErrorCode.XA_RESOURCE_MANAGER_ERROR, XAException.XAER_RMERR),
        Map.entry(ErrorCode.XA_HEURISTIC_COMMIT, XAException.XA_HEURCOM),
        Map.entry(ErrorCode.XA_HEURISTIC_ROLLBACK, XAException.XA_HEURRB),
        Map.entry(ErrorCode.XA_HEURISTIC_MIXED, XAException.XA_HEURMIX),
        Map.entry(ErrorCode.XA_HEURISTIC_HAZARD, XAException.XA_HEURHAZ),
        Map.entry(ErrorCode.INTERNAL, XAException.XAER_RMERR),
        Map.entry(ErrorCode.RESOURCE_ALLOCATION, XAException.XAER_RMERR),
        Map.entry(ErrorCode.UNKNOWN_COMMAND, XAException.XAER_RMERR),
        Map.entry(ErrorCode.UNKNOWN, XAException.XAER_RMERR));

    @Test
    void shouldMapEveryXaErrorCodeToItsXaExceptionCode() {
        EXPECTED.forEach((errorCode, xaCode) -> assertThat(XaErrors.xaCodeOf(errorCode))
            .as(errorCode.name()).isEqualTo(xaCode));
    }

    @Test
    void shouldKeepTheBrokersErrorCodeAndReasonInTheException() {
        final ProtocolException refused = new ProtocolException(ErrorCode.XA_UNKNOWN_XID, "CAIRN-1500 no such branch");

        final XAException exception = XaErrors.toXaException("XA_COMMIT", new CompletionException(refused));

        assertThat(exception.errorCode).isEqualTo(XAException.XAER_NOTA);
        assertThat(exception.getMessage()).contains("XA_COMMIT").contains("CAIRN-1500 no such branch");
        assertThat(exception.getCause()).isSameAs(refused);
    }

    @Test
    void shouldReportALostConnectionOrATimeoutAsResourceManagerUnavailable() {
        assertThat(XaErrors.toXaException("XA_PREPARE",
            new ExecutionException(new ConnectionLostException("closed", null))).errorCode)
            .isEqualTo(XAException.XAER_RMFAIL);
        assertThat(XaErrors.toXaException("XA_PREPARE", new RequestTimeoutException("slow")).errorCode)
            .isEqualTo(XAException.XAER_RMFAIL);
    }

    @Test
    void shouldReportAnyOtherFailureAsResourceManagerError() {
        assertThat(XaErrors.toXaException("XA_END", new IllegalStateException("bug")).errorCode)
            .isEqualTo(XAException.XAER_RMERR);
    }

    @Test
    void shouldTellRollbackCodesFromTheOthers() {
        assertThat(XaErrors.isRollback(XAException.XA_RBROLLBACK)).isTrue();
        assertThat(XaErrors.isRollback(XAException.XA_RBTIMEOUT)).isTrue();
        assertThat(XaErrors.isRollback(XAException.XA_RBCOMMFAIL)).isTrue();
        assertThat(XaErrors.isRollback(XAException.XA_HEURRB)).isFalse();
        assertThat(XaErrors.isRollback(XAException.XAER_RMFAIL)).isFalse();
    }
}
