package org.cairnmq.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.broker.BrokerFixture.await;
import static org.cairnmq.server.broker.BrokerFixture.errorOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.protocol.codec.XaCodec;
import org.cairnmq.protocol.codec.XaXid;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.record.DestinationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** XA branches through the broker's Java API, over a real store and branch journal. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokerXaTest {

    private static final int TMNOFLAGS = 0;
    private static final int TMJOIN = 0x00200000;
    private static final int TMSUCCESS = 0x04000000;
    private static final int TMFAIL = 0x20000000;
    private static final long SESSION = 1L;

    @TempDir
    Path directory;

    private BrokerFixture fixture;
    private Broker broker;

    @BeforeEach
    void open() {
        fixture = BrokerFixture.start(directory);
        broker = fixture.broker;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void restart() {
        fixture.restart();
        broker = fixture.broker;
    }

    private static XaXid xid(String gtrid) {
        return new XaXid(7, gtrid.getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }

    private void start(RecordingLink link, long txId, XaXid xid, int flags) {
        broker.xa().start(link, new XaCodec.StartRequest(SESSION, txId, flags, 0, xid)).join();
    }

    private void end(RecordingLink link, long txId, XaXid xid, int flags) {
        broker.xa().end(link, new XaCodec.EndRequest(SESSION, txId, flags, xid)).join();
    }

    private void sendInBranch(RecordingLink link, long txId, String queue, String messageId, int n) {
        broker.send(link, txId, -1, BrokerFixture.record(DestinationKind.QUEUE, queue, messageId, n, w -> { })).join();
    }

    @Test
    void shouldMakeABranchsSendsVisibleOnlyAtTwoPhaseCommit() {
        RecordingLink producer = new RecordingLink(1);
        RecordingLink consumer = new RecordingLink(2);
        XaXid xid = xid("send-2pc");
        start(producer, 10, xid, TMNOFLAGS);
        sendInBranch(producer, 10, "orders", "ID:a", 1);
        end(producer, 10, xid, TMSUCCESS);
        fixture.consume(consumer, 1, "orders", 10);

        assertThat(broker.xa().prepare(xid).join()).isEqualTo(XaCodec.VOTE_OK);
        fixture.awaitDispatched();
        assertThat(consumer.delivered).isEmpty();

        broker.xa().commit(xid, false).join();
        await("the committed send", () -> consumer.delivered.size() == 1);
        assertThat(consumer.delivered.get(0).messageId()).isEqualTo("ID:a");
        assertThat(broker.xa().recover().join()).isEmpty();
    }

    @Test
    void shouldAnswerReadOnlyForABranchWithoutWorkAndForgetIt() {
        RecordingLink link = new RecordingLink(1);
        XaXid xid = xid("empty");
        start(link, 10, xid, TMNOFLAGS);
        end(link, 10, xid, TMSUCCESS);
        assertThat(broker.xa().prepare(xid).join()).isEqualTo(XaCodec.VOTE_READ_ONLY);
        assertThat(errorOf(broker.xa().commit(xid, false))).isEqualTo(ErrorCode.XA_UNKNOWN_XID);
    }

    @Test
    void shouldRefuseADuplicateXidAnUnknownXidAndAPrepareWhileAssociated() {
        RecordingLink link = new RecordingLink(1);
        XaXid xid = xid("dup");
        start(link, 10, xid, TMNOFLAGS);
        assertThat(errorOf(broker.xa().start(link, new XaCodec.StartRequest(SESSION, 11, TMNOFLAGS, 0, xid))))
                .isEqualTo(ErrorCode.XA_DUPLICATE_XID);
        assertThat(errorOf(broker.xa().prepare(xid))).isEqualTo(ErrorCode.XA_PROTOCOL_ERROR);
        assertThat(errorOf(broker.xa().rollback(xid("nobody")))).isEqualTo(ErrorCode.XA_UNKNOWN_XID);
        assertThat(errorOf(broker.xa().start(link, new XaCodec.StartRequest(SESSION, 12, 0x1, 0, xid("bad-flags")))))
                .isEqualTo(ErrorCode.XA_INVALID_ARGUMENTS);
    }

    @Test
    void shouldReturnAHeldAcknowledgementCountedWhenThePreparedBranchRollsBack() {
        RecordingLink link = new RecordingLink(1);
        fixture.sendToQueue(link, "work", "ID:w", 1, w -> { });
        fixture.consume(link, 1, "work", 10);
        await("the delivery", () -> link.delivered.size() == 1);
        XaXid xid = xid("ack-rollback");
        start(link, 10, xid, TMNOFLAGS);
        broker.ack(1, 1, 10, AckMode.INDIVIDUAL, new long[] {link.delivered.get(0).deliveryId()}).join();
        end(link, 10, xid, TMSUCCESS);
        assertThat(broker.xa().prepare(xid).join()).isEqualTo(XaCodec.VOTE_OK);

        broker.xa().rollback(xid).join();
        await("the redelivery", () -> link.delivered.size() == 2);
        assertThat(link.delivered.get(1).messageId()).isEqualTo("ID:w");
        assertThat(link.delivered.get(1).deliveryCount()).isEqualTo(2);
    }

    @Test
    void shouldKeepAPreparedBranchAcrossARestartAndCommitItThen() {
        RecordingLink link = new RecordingLink(1);
        fixture.sendToQueue(link, "in", "ID:in", 1, w -> { });
        fixture.consume(link, 1, "in", 10);
        await("the delivery", () -> link.delivered.size() == 1);
        XaXid xid = xid("restart-commit");
        start(link, 10, xid, TMNOFLAGS);
        broker.ack(1, 1, 10, AckMode.INDIVIDUAL, new long[] {link.delivered.get(0).deliveryId()}).join();
        sendInBranch(link, 10, "out", "ID:out", 2);
        end(link, 10, xid, TMSUCCESS);
        broker.xa().prepare(xid).join();

        restart();
        assertThat(broker.xa().recover().join()).containsExactly(xid);
        RecordingLink after = new RecordingLink(2);
        fixture.consume(after, 1, "in", 10);
        fixture.consume(after, 2, "out", 10);
        fixture.awaitDispatched();
        assertThat(after.delivered).as("the held message stays held, the send invisible").isEmpty();

        broker.xa().commit(xid, false).join();
        await("the committed send", () -> after.to(2).size() == 1);
        restart();
        RecordingLink third = new RecordingLink(3);
        fixture.consume(third, 1, "in", 10);
        fixture.consume(third, 2, "out", 10);
        await("the send, still there", () -> third.to(2).size() == 1);
        assertThat(third.to(1)).as("the acknowledged message is gone").isEmpty();
        assertThat(broker.xa().recover().join()).isEmpty();
    }

    @Test
    void shouldReturnAHeldMessageCountedWhenABranchRecoveredAfterARestartRollsBack() {
        RecordingLink link = new RecordingLink(1);
        fixture.sendToQueue(link, "in", "ID:in", 1, w -> { });
        fixture.consume(link, 1, "in", 10);
        await("the delivery", () -> link.delivered.size() == 1);
        XaXid xid = xid("restart-rollback");
        start(link, 10, xid, TMNOFLAGS);
        broker.ack(1, 1, 10, AckMode.INDIVIDUAL, new long[] {link.delivered.get(0).deliveryId()}).join();
        end(link, 10, xid, TMSUCCESS);
        broker.xa().prepare(xid).join();

        restart();
        RecordingLink after = new RecordingLink(2);
        fixture.consume(after, 1, "in", 10);
        broker.xa().rollback(xid).join();
        await("the redelivery", () -> after.delivered.size() == 1);
        assertThat(after.delivered.get(0).deliveryCount()).isEqualTo(2);
    }

    @Test
    void shouldRollBackABranchWhoseConnectionIsLostWhileActive() {
        RecordingLink link = new RecordingLink(1);
        XaXid xid = xid("lost");
        start(link, 10, xid, TMNOFLAGS);
        sendInBranch(link, 10, "lost", "ID:l", 1);
        broker.connectionClosed(1);
        assertThat(errorOf(broker.xa().prepare(xid))).isEqualTo(ErrorCode.XA_ROLLED_BACK_COMMUNICATION);
        assertThat(errorOf(broker.xa().prepare(xid))).as("then forgotten").isEqualTo(ErrorCode.XA_UNKNOWN_XID);
    }

    @Test
    void shouldRollBackAFailedBranchAtPrepareAndLetSessionsJoinABranch() {
        RecordingLink link = new RecordingLink(1);
        XaXid xid = xid("join-fail");
        start(link, 10, xid, TMNOFLAGS);
        sendInBranch(link, 10, "j", "ID:j1", 1);
        start(link, 11, xid, TMJOIN);
        sendInBranch(link, 11, "j", "ID:j2", 2);
        end(link, 10, xid, TMSUCCESS);
        end(link, 11, xid, TMFAIL);
        assertThat(errorOf(broker.xa().prepare(xid))).isEqualTo(ErrorCode.XA_ROLLED_BACK);
    }

    @Test
    void shouldRollBackABranchWhoseTimeoutPassed() {
        RecordingLink link = new RecordingLink(1);
        XaXid xid = xid("timeout");
        broker.xa().start(link, new XaCodec.StartRequest(SESSION, 10, TMNOFLAGS, 1, xid)).join();
        sendInBranch(link, 10, "t", "ID:t", 1);
        Awaitility.await().pollDelay(Duration.ofMillis(1_300)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(errorOf(broker.xa().end(link, new XaCodec.EndRequest(SESSION, 10, TMSUCCESS, xid))))
                .isEqualTo(ErrorCode.XA_ROLLED_BACK_TIMEOUT);
        assertThat(errorOf(broker.xa().commit(xid, true))).isEqualTo(ErrorCode.XA_ROLLED_BACK_TIMEOUT);
    }

    @Test
    void shouldReportAHeuristicCommitUntilForgottenAcrossARestart() {
        RecordingLink link = new RecordingLink(1);
        XaXid xid = xid("heuristic");
        start(link, 10, xid, TMNOFLAGS);
        sendInBranch(link, 10, "h", "ID:h", 1);
        end(link, 10, xid, TMSUCCESS);
        broker.xa().prepare(xid).join();
        broker.xa().completeHeuristically(xid, true).join();

        restart();
        assertThat(broker.xa().recover().join()).containsExactly(xid);
        assertThat(errorOf(broker.xa().commit(xid, false))).isEqualTo(ErrorCode.XA_HEURISTIC_COMMIT);
        assertThat(errorOf(broker.xa().rollback(xid))).isEqualTo(ErrorCode.XA_HEURISTIC_COMMIT);
        broker.xa().forget(xid).join();
        assertThat(broker.xa().recover().join()).isEmpty();
        RecordingLink consumer = new RecordingLink(2);
        fixture.consume(consumer, 1, "h", 10);
        await("the heuristically committed send", () -> consumer.delivered.size() == 1);
    }

    @Test
    void shouldNotStoreASecondCopyWhenAnInDoubtMessageIsResentInANewBranch() {
        RecordingLink link = new RecordingLink(1);
        XaXid first = xid("first");
        start(link, 10, first, TMNOFLAGS);
        sendInBranch(link, 10, "d", "ID:same", 1);
        end(link, 10, first, TMSUCCESS);
        broker.xa().commit(first, true).join();
        XaXid second = xid("second");
        start(link, 11, second, TMNOFLAGS);
        sendInBranch(link, 11, "d", "ID:same", 1);
        end(link, 11, second, TMSUCCESS);
        broker.xa().prepare(second).join();
        broker.xa().commit(second, false).join();
        fixture.sendToQueue(link, "d", "ID:marker", 2, w -> { });

        RecordingLink consumer = new RecordingLink(2);
        fixture.consume(consumer, 1, "d", 10);
        await("the copy and the marker", () -> consumer.delivered.size() == 2);
        assertThat(consumer.delivered).extracting(RecordingLink.Delivered::messageId)
                .containsExactly("ID:same", "ID:marker");
    }

    @Test
    void shouldRollBackABranchWhileAJoinedSessionIsStillAssociatedAndLetItEndQuietly() {
        RecordingLink link = new RecordingLink(1);
        fixture.sendToQueue(link, "joined", "ID:in", 1, w -> { });
        fixture.consume(link, 1, "joined", 10);
        await("the delivery", () -> link.delivered.size() == 1);
        XaXid xid = xid("rollback-before-end");
        start(link, 10, xid, TMNOFLAGS);
        start(link, 11, xid, TMJOIN);
        broker.ack(1, 1, 10, AckMode.INDIVIDUAL, new long[] {link.delivered.get(0).deliveryId()}).join();
        sendInBranch(link, 11, "joined.out", "ID:out", 2);
        end(link, 10, xid, TMSUCCESS);

        broker.xa().rollback(xid).join();
        end(link, 11, xid, TMSUCCESS);
        await("the redelivery", () -> link.delivered.size() == 2);
        assertThat(link.delivered.get(1).deliveryCount()).isEqualTo(2);
        assertThat(errorOf(broker.xa().rollback(xid))).as("forgotten once ended").isEqualTo(ErrorCode.XA_UNKNOWN_XID);
        RecordingLink consumer = new RecordingLink(2);
        fixture.consume(consumer, 1, "joined.out", 10);
        fixture.awaitDispatched();
        assertThat(consumer.delivered).as("the joined session's send is discarded").isEmpty();
    }

    @Test
    void shouldRollBackAnEndedUnpreparedBranchOnceEveryConnectionThatWorkedOnItClosed() {
        RecordingLink worker = new RecordingLink(1);
        RecordingLink other = new RecordingLink(2);
        fixture.sendToQueue(worker, "stranded", "ID:s", 1, w -> { });
        fixture.consume(worker, 1, "stranded", 10);
        await("the delivery", () -> worker.delivered.size() == 1);
        XaXid xid = xid("ended-then-lost");
        start(worker, 10, xid, TMNOFLAGS);
        broker.ack(1, 1, 10, AckMode.INDIVIDUAL, new long[] {worker.delivered.get(0).deliveryId()}).join();
        end(worker, 10, xid, TMSUCCESS);
        fixture.consume(other, 1, "stranded", 10);

        broker.connectionClosed(1);
        await("the message back, counted", () -> other.delivered.size() == 1);
        assertThat(other.delivered.get(0).deliveryCount()).isEqualTo(2);
        assertThat(errorOf(broker.xa().prepare(xid))).isEqualTo(ErrorCode.XA_ROLLED_BACK_COMMUNICATION);
    }
}
