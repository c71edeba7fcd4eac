package org.cairnmq.server.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cairnmq.server.store.ConsumerQueueKey;

/**
 * The in-memory consumer-offset state: one {@link AckedOffsetWindow} per key, each with the key id
 * the journal names it by. Recovery fills it from the snapshot and then replays the journal into it
 * (it is the {@link OffsetJournalVisitor}).
 *
 * <p>Owning thread: not thread-safe; its owner ({@code ConsumerOffsetStore}) guards it with its lock.
 */
public final class OffsetTable implements OffsetJournalVisitor {

    /**
     * One key's state.
     *
     * @param keyId the id the journal names the key by
     * @param key the key
     * @param window its acknowledgements
     */
    public record Entry(int keyId, ConsumerQueueKey key, AckedOffsetWindow window) {
    }

    private final Map<ConsumerQueueKey, Entry> byKey = new HashMap<>();
    private final Map<Integer, Entry> byId = new HashMap<>();
    private int nextKeyId;

    /**
     * @param key a key
     * @return its entry, or null if it has none
     */
    public Entry get(ConsumerQueueKey key) {
        return byKey.get(key);
    }

    /**
     * Creates the entry of a key that has none, with a fresh key id and acked offset 0.
     *
     * @param key a key without an entry
     * @return the new entry
     */
    public Entry define(ConsumerQueueKey key) {
        Entry entry = new Entry(nextKeyId, key, new AckedOffsetWindow());
        put(entry);
        return entry;
    }

    /**
     * Puts an entry loaded from a snapshot.
     *
     * @param entry the entry
     */
    public void restore(Entry entry) {
        put(entry);
    }

    /**
     * @param key a key
     * @return its removed entry, or null if it had none
     */
    public Entry remove(ConsumerQueueKey key) {
        Entry entry = byKey.remove(key);
        if (entry != null) {
            byId.remove(entry.keyId());
        }
        return entry;
    }

    /**
     * @return every entry, in no particular order (a live view)
     */
    public Collection<Entry> entries() {
        return byKey.values();
    }

    /**
     * @param group a consumer group
     * @return the entries of that group
     */
    public List<Entry> entriesOf(String group) {
        List<Entry> entries = new ArrayList<>();
        for (Entry entry : byKey.values()) {
            if (entry.key().group().equals(group)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * @return the id the next defined key gets
     */
    public int nextKeyId() {
        return nextKeyId;
    }

    /**
     * @param keyId raises the next key id to at least this (snapshot loading)
     */
    public void reserveKeyIdsBelow(int keyId) {
        nextKeyId = Math.max(nextKeyId, keyId);
    }

    @Override
    public boolean onDefineKey(int keyId, ConsumerQueueKey key) {
        if (keyId < 0 || byId.containsKey(keyId) || byKey.containsKey(key)) {
            return false;
        }
        put(new Entry(keyId, key, new AckedOffsetWindow()));
        return true;
    }

    @Override
    public boolean onAck(int keyId, long queueOffset) {
        Entry entry = byId.get(keyId);
        if (entry == null || queueOffset < 0) {
            return false;
        }
        entry.window().ack(queueOffset);
        return true;
    }

    @Override
    public boolean onAckUpTo(int keyId, long queueOffsetInclusive) {
        Entry entry = byId.get(keyId);
        if (entry == null || queueOffsetInclusive < 0) {
            return false;
        }
        entry.window().ackUpTo(queueOffsetInclusive);
        return true;
    }

    @Override
    public boolean onReset(int keyId, long queueOffset) {
        Entry entry = byId.get(keyId);
        if (entry == null || queueOffset < 0) {
            return false;
        }
        entry.window().resetTo(queueOffset);
        return true;
    }

    @Override
    public boolean onRemoveKey(int keyId) {
        Entry entry = byId.get(keyId);
        return entry != null && remove(entry.key()) != null;
    }

    private void put(Entry entry) {
        byKey.put(entry.key(), entry);
        byId.put(entry.keyId(), entry);
        nextKeyId = Math.max(nextKeyId, entry.keyId() + 1);
    }
}
