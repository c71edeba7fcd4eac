package org.cairnmq.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class XaFlagsTest {

    private static int codeOf(final Throwable thrown) {
        return ((XAException) thrown).errorCode;
    }

    @Test
    void shouldAcceptTheStartFlagsAndRefuseTheOthersAsInvalid() {
        for (final int flags : new int[] {XAResource.TMNOFLAGS, XAResource.TMJOIN, XAResource.TMRESUME}) {
            assertThatCode(() -> XaFlags.checkStart(flags)).doesNotThrowAnyException();
        }
        for (final int flags : new int[] {XAResource.TMSUCCESS, XAResource.TMFAIL, XAResource.TMSUSPEND,
            XAResource.TMJOIN | XAResource.TMRESUME, XAResource.TMSTARTRSCAN}) {
            assertThatThrownBy(() -> XaFlags.checkStart(flags)).isInstanceOf(XAException.class)
                .satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_INVAL));
        }
    }

    @Test
    void shouldAcceptTheEndFlagsAndRefuseTheOthersAsInvalid() {
        for (final int flags : new int[] {XAResource.TMSUCCESS, XAResource.TMFAIL, XAResource.TMSUSPEND}) {
            assertThatCode(() -> XaFlags.checkEnd(flags)).doesNotThrowAnyException();
        }
        for (final int flags : new int[] {XAResource.TMNOFLAGS, XAResource.TMJOIN, XAResource.TMRESUME,
            XAResource.TMONEPHASE}) {
            assertThatThrownBy(() -> XaFlags.checkEnd(flags)).isInstanceOf(XAException.class)
                .satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_INVAL));
        }
    }

    @Test
    void shouldRefuseANullXidAsInvalid() {
        assertThatThrownBy(() -> XaFlags.checkXid(null)).isInstanceOf(XAException.class)
            .satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_INVAL));
    }

    @Test
    void shouldRefuseAnXidWithAnEmptyGlobalTransactionIdAsInvalid() {
        final Xid empty = new Xid() {
            @Override
            public int getFormatId() {
                return 1;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return new byte[0];
            }

            @Override
            public byte[] getBranchQualifier() {
                return new byte[0];
            }
        };

        assertThatThrownBy(() -> XaFlags.checkXid(empty)).isInstanceOf(XAException.class)
            .satisfies(thrown -> assertThat(codeOf(thrown)).isEqualTo(XAException.XAER_INVAL));
    }
}
