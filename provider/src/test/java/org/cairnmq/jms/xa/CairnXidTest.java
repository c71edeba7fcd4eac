package org.cairnmq.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.Xid;
import org.cairnmq.protocol.codec.XaXid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CairnXidTest {

    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An xid of another implementation, as a transaction manager passes it. */
    private record ForeignXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {
        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid;
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual;
        }
    }

    @Test
    void shouldCompareByFormatIdGlobalTransactionIdAndBranchQualifier() {
        final CairnXid xid = new CairnXid(7, bytes("g1"), bytes("b1"));

        assertThat(xid).isEqualTo(new CairnXid(7, bytes("g1"), bytes("b1")))
            .hasSameHashCodeAs(new CairnXid(7, bytes("g1"), bytes("b1")));
        assertThat(xid).isNotEqualTo(new CairnXid(8, bytes("g1"), bytes("b1")))
            .isNotEqualTo(new CairnXid(7, bytes("g2"), bytes("b1")))
            .isNotEqualTo(new CairnXid(7, bytes("g1"), bytes("b2")));
    }

    @Test
    void shouldCopyItsArraysInAndOut() {
        final byte[] gtrid = bytes("gtrid");
        final CairnXid xid = new CairnXid(1, gtrid, new byte[0]);
        gtrid[0] = 'X';
        xid.getGlobalTransactionId()[0] = 'Y';

        assertThat(xid.getGlobalTransactionId()).isEqualTo(bytes("gtrid"));
    }

    @Test
    void shouldEqualTheCopyOfAForeignXid() {
        final ForeignXid foreign = new ForeignXid(4660, bytes("global"), bytes("branch"));

        assertThat(CairnXid.of(foreign)).isEqualTo(new CairnXid(4660, bytes("global"), bytes("branch")));
    }

    @Test
    void shouldRoundTripThroughTheWireForm() {
        final CairnXid xid = new CairnXid(-5, bytes("g"), new byte[64]);

        final XaXid wire = xid.toWire();

        assertThat(wire.formatId()).isEqualTo(-5);
        assertThat(CairnXid.fromWire(wire)).isEqualTo(xid);
    }

    @Test
    void shouldRefuseAnEmptyOrOverlongGlobalTransactionIdAndAnOverlongBranchQualifier() {
        assertThatThrownBy(() -> new CairnXid(1, new byte[0], new byte[0]))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CairnXid(1, new byte[Xid.MAXGTRIDSIZE + 1], new byte[0]))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CairnXid(1, bytes("g"), new byte[Xid.MAXBQUALSIZE + 1]))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CairnXid(1, bytes("g"), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSurviveJavaSerialization() throws IOException, ClassNotFoundException {
        final CairnXid xid = new CairnXid(3, bytes("serial"), bytes("q"));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(xid);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(xid);
        }
    }
}
