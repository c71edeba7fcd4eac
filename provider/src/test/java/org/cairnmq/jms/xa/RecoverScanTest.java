package org.cairnmq.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RecoverScanTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private final List<CairnXid> onBroker = List.of(
        new CairnXid(1, "a".getBytes(StandardCharsets.UTF_8), new byte[0]),
        new CairnXid(1, "b".getBytes(StandardCharsets.UTF_8), new byte[] {1}));
    private final RecoverScan scan = new RecoverScan();

    private List<CairnXid> fetch() {
        fetches.incrementAndGet();
        return onBroker;
    }

    private static int codeOf(final Throwable thrown) {
        return ((XAException) thrown).errorCode;
    }

    @Test
    void shouldReturnEveryBranchOnStartAndNothingMoreUntilTheEnd() throws XAException {
        assertThat(scan.next(XAResource.TMSTARTRSCAN, this::fetch)).containsExactlyElementsOf(onBroker);
        assertThat(scan.isOpen()).isTrue();
        assertThat(scan.next(XAResource.TMNOFLAGS, this::fetch)).isEmpty();
        assertThat(scan.next(XAResource.TMENDRSCAN, this::fetch)).isEmpty();

        assertThat(scan.isOpen()).isFalse();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void shouldStartAndEndAScanInOneCall() throws XAException {
        assertThat(scan.next(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN, this::fetch))
            .containsExactlyElementsOf(onBroker);

        assertThat(scan.isOpen()).isFalse();
    }

    @Test
    void shouldRestartAnOpenScanOnANewStart() throws XAException {
        scan.next(XAResource.TMSTARTRSCAN, this::fetch);

        assertThat(scan.next(XAResource.TMSTARTRSCAN, this::fetch)).hasSize(2);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void shouldRefuseToContinueOrEndAScanThatWasNotStarted() {
        assertThatThrownBy(() -> scan.next(XAResource.TMNOFLAGS, this::fetch))
            .satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_PROTO));
        assertThatThrownBy(() -> scan.next(XAResource.TMENDRSCAN, this::fetch))
            .satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_PROTO));
        assertThat(fetches).hasValue(0);
    }

    @Test
    void shouldRefuseFlagsRecoverDoesNotTake() {
        assertThatThrownBy(() -> scan.next(XAResource.TMJOIN, this::fetch))
            .satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_INVAL));
        assertThatThrownBy(() -> scan.next(XAResource.TMSTARTRSCAN | XAResource.TMFAIL, this::fetch))
            .satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_INVAL));
    }

    @Test
    void shouldLeaveNoScanOpenWhenTheBrokerCannotBeAsked() {
        assertThatThrownBy(() -> scan.next(XAResource.TMSTARTRSCAN, () -> {
            throw XaErrors.xaException(XAException.XAER_RMFAIL, "down", null);
        })).satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_RMFAIL));

        assertThat(scan.isOpen()).isFalse();
    }
}
