package org.cairnmq.server.broker.internal;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.cairnmq.protocol.codec.SubscriptionHeaders;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.cairnmq.server.broker.BrokerErrors;
import org.cairnmq.server.broker.BrokerException;
import org.cairnmq.server.broker.ClientLink;
import org.cairnmq.server.store.AppendRequest;
import org.cairnmq.server.store.AppendResult;
import org.cairnmq.server.store.CommitLogRecordDescriptor;
import org.cairnmq.server.store.MessageKeyIndex;
import org.cairnmq.server.store.PutStatus;

/**
 * The send side: validation, queue choice, duplicate detection, producer flow control, the append,
 * and local transactions (held sends appended at commit).
 *
 * <pre>
 *  SEND ─► size / record check ─► destination ─► txId? hold : ─► disk above high water? retry every
 *       10 ms until producerBlockMs ─► duplicate? answer OK ─► append ─► persistent: answer when
 *       durable │ non-persistent: answer when submitted
 * </pre>
 *
 * <p>Design note: in SYNC flush mode the store completes an append only when it is durable, so a
 * non-persistent send is answered as soon as its append is handed to the store's appender (it is
 * then written before any later append). The producer does not learn of a later store failure
 * (disk full, I/O error) for such a message; JMS allows a non-persistent message to be lost.
 *
 * <p>Owning thread: the broker thread. Store futures complete on the appender thread and hop back.
 */
final class SendPath {

    private static final long FLOW_CONTROL_RETRY_MS = 10L;

    private final BrokerCore core;
    private final DuplicateDetector duplicates;
    private final Clock clock;
    private final DoubleSupplier diskUsedRatio;
    private final MessageRecordFlyweight flyweight = new MessageRecordFlyweight();

    SendPath(BrokerCore core, MessageKeyIndex keyIndex, Clock clock, DoubleSupplier diskUsedRatio) {
        this.core = core;
        this.clock = clock;
        this.diskUsedRatio = diskUsedRatio;
        this.duplicates = new DuplicateDetector(core.store, keyIndex, clock, core.config.duplicateWindowMs());
    }

    /** A validated message on its way to the store. */
    private record Outgoing(DestinationState destination, int queueId, String dedupKey, boolean persistent,
            long bornTimestampMs, long publisherTag, ByteBuffer payload) {
    }

    /**
     * SEND: takes over one reference of {@code record} and releases it when done.
     *
     * @param link the connection
     * @param txId the transaction, 0 for none
     * @param queueId the queue, -1 to pick one
     * @param record the message record
     * @param answer completed when the send may be answered
     */
    void send(ClientLink link, long txId, int queueId, ByteBuf record, CompletableFuture<Void> answer) {
        Outgoing outgoing;
        try {
            outgoing = validate(link, queueId, record);
        } catch (BrokerException e) {
            record.release();
            answer.completeExceptionally(e);
            return;
        }
        if (txId != 0) {
            byte[] copy = new byte[record.readableBytes()];
            record.getBytes(record.readerIndex(), copy);
            record.release();
            core.connection(link).transaction(txId).sends.add(new LocalTransaction.HeldSend(outgoing.destination(),
                    outgoing.queueId(), outgoing.dedupKey(), outgoing.persistent(), outgoing.bornTimestampMs(),
                    outgoing.publisherTag(), copy));
            answer.complete(null);
            return;
        }
        append(outgoing, record, clock.millis() + core.config.producerBlockMs(), answer);
    }

    private Outgoing validate(ClientLink link, int queueId, ByteBuf record) {
        int length = record.readableBytes();
        if (length > core.config.maxMessageBytes()) {
            throw BrokerErrors.messageTooLarge(length, core.config.maxMessageBytes());
        }
        try {
            flyweight.wrap(record);
        } catch (ProtocolException e) {
            throw BrokerErrors.malformedRecord(e.getMessage());
        }
        DestinationKind kind = flyweight.destinationKind();
        DestinationState destination = core.destinationOperations.resolve(kind, flyweight.destinationName());
        int count = destination.queueCount;
        int chosen = queueId >= 0 ? queueId : pickQueue(link, count);
        if (chosen >= count) {
            throw BrokerErrors.invalidDestination("queue " + queueId + " of a destination with " + count + " queues");
        }
        String dedupKey = dedupKeyOfWrapped();
        if (dedupKey != null && dedupKey.getBytes(StandardCharsets.UTF_8).length > CommitLogRecordDescriptor.MAX_KEY_BYTES) {
            dedupKey = null;
        }
        long born = flyweight.timestamp() != 0 ? flyweight.timestamp() : clock.millis();
        return new Outgoing(destination, chosen, dedupKey, flyweight.isPersistent(), born,
                core.connection(link).publisherTag(), record.nioBuffer());
    }

    /** A grouped message hashes its JMSXGroupID; others stay on the connection's queue (send order). */
    private int pickQueue(ClientLink link, int count) {
        Object groupId = flyweight.propertyCount() == 0 ? null : flyweight.property(SubscriptionHeaders.GROUP_ID);
        if (groupId instanceof String group) {
            return SubscriptionHeaders.queueOfGroup(group, count);
        }
        return Math.floorMod(Long.hashCode(link.connectionId()), count);
    }

    /** The duplicate key: the JMS_Cairn_DuplicateID string property when set, else the message id. */
    private String dedupKeyOfWrapped() {
        Object duplicateId = flyweight.propertyCount() == 0 ? null
                : flyweight.property(SubscriptionHeaders.DUPLICATE_ID);
        return duplicateId instanceof String key ? key : flyweight.messageId();
    }

    private void append(Outgoing outgoing, ByteBuf record, long deadlineMs, CompletableFuture<Void> answer) {
        if (diskUsedRatio.getAsDouble() > core.config.diskHighWaterRatio()) {
            if (clock.millis() >= deadlineMs) {
                record.release();
                answer.completeExceptionally(BrokerErrors.diskHighWater(core.config.producerBlockMs()));
            } else {
                core.executor.schedule(() -> append(outgoing, record, deadlineMs, answer), FLOW_CONTROL_RETRY_MS,
                        TimeUnit.MILLISECONDS);
            }
            return;
        }
        if (outgoing.dedupKey() != null && answerDuplicate(outgoing.dedupKey(), record, answer)) {
            return;
        }
        // appendVisible: a send is answered once consumers can see it (read-your-writes for receiveNoWait
        // and browsers), not only once it is durable.
        CompletableFuture<AppendResult> appended = core.store.appendVisible(request(outgoing, outgoing.payload()));
        if (outgoing.dedupKey() != null) {
            duplicates.onAppend(outgoing.dedupKey(), appended);
        }
        if (!outgoing.persistent()) {
            answer.complete(null);
        }
        appended.whenCompleteAsync((result, failure) -> {
            record.release();
            onAppended(outgoing.destination(), result, failure, answer);
        }, core.executor);
    }

    private boolean answerDuplicate(String dedupKey, ByteBuf record, CompletableFuture<Void> answer) {
        CompletableFuture<AppendResult> earlier = duplicates.recentAppend(dedupKey);
        if (earlier != null) {
            record.release();
            earlier.whenCompleteAsync((result, failure) -> complete(result, failure, answer), core.executor);
            return true;
        }
        if (duplicates.isIndexed(dedupKey)) {
            record.release();
            answer.complete(null);
            return true;
        }
        return false;
    }

    private void onAppended(DestinationState destination, AppendResult result, Throwable failure,
            CompletableFuture<Void> answer) {
        complete(result, failure, answer);
        if (result != null && result.isOk()) {
            core.dispatchWhenReadable(destination, result.commitLogOffset() + result.sizeBytes());
        }
    }

    private static void complete(AppendResult result, Throwable failure, CompletableFuture<Void> answer) {
        if (failure != null) {
            answer.completeExceptionally(BrokerErrors.storeFailure(failure.toString()));
        } else if (result.isOk()) {
            answer.complete(null);
        } else {
            answer.completeExceptionally(toError(result.status()));
        }
    }

    private static BrokerException toError(PutStatus status) {
        return switch (status) {
            case DISK_FULL -> BrokerErrors.diskFull();
            case RECORD_TOO_LARGE -> BrokerErrors.messageTooLarge(-1, -1);
            default -> BrokerErrors.storeFailure(status.name());
        };
    }

    private AppendRequest request(Outgoing outgoing, ByteBuffer payload) {
        byte[] key = outgoing.dedupKey() == null ? null : outgoing.dedupKey().getBytes(StandardCharsets.UTF_8);
        return new AppendRequest(outgoing.destination().topic, outgoing.queueId(), outgoing.publisherTag(), 0,
                outgoing.bornTimestampMs(), key, payload, outgoing.persistent());
    }

    /**
     * TX_COMMIT: appends the held sends (durably), then applies the held acks and flushes them.
     *
     * @param connection the connection
     * @param sessionId the session
     * @param txId the transaction
     * @param answer completed when the commit is durable, or with TRANSACTION_ROLLED_BACK
     */
    void commit(ConnectionState connection, long sessionId, long txId, CompletableFuture<Void> answer) {
        LocalTransaction transaction = connection.transactions.remove(txId);
        if (transaction == null) {
            answer.complete(null);
            return;
        }
        appendHeld(transaction.sends).thenAccept(error -> {
            if (error != null) {
                core.rollback(connection.link.connectionId(), sessionId, txId, null);
                answer.completeExceptionally(BrokerErrors.rolledBack(error));
                return;
            }
            applyAcks(connection, transaction);
            core.flushOffsets().whenComplete((ignored, flushFailure) -> complete(flushFailure, answer));
        });
    }

    /**
     * Appends a transaction's held sends durably in one batch, skipping those whose destination was
     * deleted and those the duplicate window already holds (so a commit repeated after a crash adds
     * no second copy), and dispatches them once readable.
     *
     * @param sends the held sends
     * @return completes on the broker thread with null, or with the reason the append failed
     */
    CompletableFuture<String> appendHeld(List<LocalTransaction.HeldSend> sends) {
        List<AppendRequest> requests = new ArrayList<>();
        List<DestinationState> targets = new ArrayList<>();
        for (LocalTransaction.HeldSend send : sends) {
            if (send.destination().deleted || send.dedupKey() != null && duplicates.isIndexed(send.dedupKey())) {
                continue;
            }
            requests.add(request(new Outgoing(send.destination(), send.queueId(), send.dedupKey(), send.persistent(),
                    send.bornTimestampMs(), send.publisherTag(), null), ByteBuffer.wrap(send.record())));
            targets.add(send.destination());
        }
        CompletableFuture<List<AppendResult>> appended = requests.isEmpty()
                ? CompletableFuture.completedFuture(List.of()) : core.store.appendBatchVisible(requests);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        appended.whenCompleteAsync((results, failure) -> {
            String error = failure != null ? failure.toString() : firstFailure(results);
            if (error == null) {
                for (int i = 0; i < results.size(); i++) {
                    core.dispatchWhenReadable(targets.get(i), results.get(i).commitLogOffset()
                            + results.get(i).sizeBytes());
                }
            }
            outcome.complete(error);
        }, core.executor);
        return outcome;
    }

    private void applyAcks(ConnectionState connection, LocalTransaction transaction) {
        for (LocalTransaction.HeldAck ack : transaction.acks) {
            SessionState session = connection.sessions.get(ack.sessionId());
            if (session != null) {
                core.sessions.ack(session, ack.mode(), ack.deliveryIds());
            }
        }
    }

    private static void complete(Throwable failure, CompletableFuture<Void> answer) {
        if (failure == null) {
            answer.complete(null);
        } else {
            answer.completeExceptionally(BrokerErrors.storeFailure(failure.toString()));
        }
    }

    private static String firstFailure(List<AppendResult> results) {
        for (AppendResult result : results) {
            if (!result.isOk()) {
                return "the store answered " + result.status();
            }
        }
        return null;
    }

    /** Periodic housekeeping of the duplicate detector. */
    void prune() {
        duplicates.prune();
    }
}
