package org.cairnmq.protocol.frame;

/**
 * Bits of the frame header's flags byte. Exactly one of {@link #REQUEST}, {@link #RESPONSE} and
 * {@link #ONE_WAY} is set in a well-formed frame; the other bits are reserved and written as zero.
 */
public final class FrameFlags {

    /** A request; the peer answers with a {@link #RESPONSE} carrying the same correlation id. */
    public static final byte REQUEST = 1;
    /** The answer to a request. */
    public static final byte RESPONSE = 2;
    /** A frame that is never answered (heartbeat push, delivery, credit). */
    public static final byte ONE_WAY = 4;

    private FrameFlags() {
    }

    /**
     * Tests a bit.
     *
     * @param flags the flags byte
     * @param flag one of the constants of this class
     * @return whether {@code flag} is set in {@code flags}
     */
    public static boolean isSet(final byte flags, final byte flag) {
        return (flags & flag) != 0;
    }
}
