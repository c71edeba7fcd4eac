package org.cairnmq.server.store.internal;

import org.cairnmq.server.store.ConsumerQueueKey;

/**
 * Receives the records of the consumer-offset journal as recovery replays them. Each method returns
 * whether the record made sense (for example, named a defined key); a record that did not ends the
 * replay as if it were torn.
 */
public interface OffsetJournalVisitor {

    /**
     * @param keyId the id later records use
     * @param key the key it stands for
     * @return whether the record was applied
     */
    boolean onDefineKey(int keyId, ConsumerQueueKey key);

    /**
     * @param keyId a defined key id
     * @param queueOffset the acknowledged offset
     * @return whether the record was applied
     */
    boolean onAck(int keyId, long queueOffset);

    /**
     * @param keyId a defined key id
     * @param queueOffsetInclusive the last of the acknowledged offsets
     * @return whether the record was applied
     */
    boolean onAckUpTo(int keyId, long queueOffsetInclusive);

    /**
     * @param keyId a defined key id
     * @param queueOffset the new acked offset
     * @return whether the record was applied
     */
    boolean onReset(int keyId, long queueOffset);

    /**
     * @param keyId a defined key id
     * @return whether the record was applied
     */
    boolean onRemoveKey(int keyId);
}
