package org.cairnmq.server.broker.internal;

import java.util.Map;
import org.cairnmq.protocol.codec.XaXid;
import org.cairnmq.server.broker.BrokerException;
import org.cairnmq.server.store.BranchJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the in-doubt branches from the branch journal when the broker starts: a prepared branch
 * gets its sends back and holds its acknowledged messages again (so dispatch skips them), a
 * heuristically completed one waits to be forgotten. Runs on the broker thread before any dispatch.
 */
final class XaJournalRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(XaJournalRecovery.class);

    private final BrokerCore core;

    XaJournalRecovery(BrokerCore core) {
        this.core = core;
    }

    /**
     * @param journal the open journal
     * @param into the broker's branches
     */
    void recover(BranchJournal journal, Map<XaXid, XaBranch> into) {
        for (BranchJournal.Entry entry : journal.entries()) {
            XaBranchCodec.Decoded decoded = XaBranchCodec.decode(entry.key(), entry.payload());
            XaBranch branch = new XaBranch(decoded.xid(), Long.MAX_VALUE);
            branch.state = switch (decoded.outcome()) {
                case XaBranchCodec.OUTCOME_HEURISTIC_COMMITTED -> XaBranch.State.HEURISTIC_COMMITTED;
                case XaBranchCodec.OUTCOME_HEURISTIC_ROLLED_BACK -> XaBranch.State.HEURISTIC_ROLLED_BACK;
                default -> XaBranch.State.PREPARED;
            };
            decoded.sends().forEach(send -> restoreSend(branch, send));
            decoded.held().forEach(held -> restoreHeld(branch, held));
            into.put(branch.xid, branch);
        }
        if (!into.isEmpty()) {
            LOG.info("CAIRN-2451 {} XA branches are in doubt after the restart; the transaction manager's recovery "
                    + "completes them", into.size());
        }
    }

    private void restoreSend(XaBranch branch, XaBranchCodec.SendEntry send) {
        DestinationState destination;
        try {
            destination = core.destinationOperations.resolve(send.kind(), send.name());
        } catch (BrokerException e) {
            LOG.warn("CAIRN-2452 XA branch {} loses a send to {}: {}", branch.xid, send.name(), e.getMessage());
            return;
        }
        branch.sends.add(new LocalTransaction.HeldSend(destination, send.queueId(), send.dedupKey(), send.persistent(),
                send.bornTimestampMs(), send.publisherTag(), send.record()));
    }

    private void restoreHeld(XaBranch branch, XaBranchCodec.HeldEntry held) {
        DestinationState destination = core.destinations.find(held.kind(), held.name());
        Subscription subscription = destination == null ? null : destination.subscriptions.stream()
                .filter(candidate -> candidate.group.equals(held.group())).findFirst().orElse(null);
        QueueState queue = subscription == null ? null : subscription.queues.stream()
                .filter(candidate -> candidate.queueId == held.queueId()).findFirst().orElse(null);
        if (queue == null) {
            LOG.warn("CAIRN-2453 XA branch {} held a message of {} group {}, which no longer exists", branch.xid,
                    held.name(), held.group());
            return;
        }
        queue.held.add(held.queueOffset());
        branch.held.add(new HeldMessage(subscription, queue, held.queueOffset(), held.deliveryCount(),
                held.priority(), null));
    }
}
