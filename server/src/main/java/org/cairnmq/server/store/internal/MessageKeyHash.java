package org.cairnmq.server.store.internal;

/**
 * The 32-bit hash of a message key stored in index files: FNV-1a over the key's bytes, then the
 * MurmurHash3 finaliser to spread the bits over the slots. It is part of the file format and must
 * never change.
 */
public final class MessageKeyHash {

    private static final int FNV_OFFSET_BASIS = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private MessageKeyHash() {
    }

    /**
     * @param key the key bytes
     * @return its hash
     */
    public static int of(byte[] key) {
        int hash = FNV_OFFSET_BASIS;
        for (byte b : key) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        hash ^= hash >>> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >>> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >>> 16;
        return hash;
    }
}
