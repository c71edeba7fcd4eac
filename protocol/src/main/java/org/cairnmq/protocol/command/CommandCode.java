package org.cairnmq.protocol.command;

/**
 * The command a frame carries, as the 16-bit command code of the frame header.
 *
 * <p>Codes are grouped in families with gaps between them so that a family can grow without
 * renumbering:
 * <pre>
 *     1 -   99  connection: handshake, heartbeat, close, error
 *   100 -  199  name server: broker registration and routes
 *   200 -  299  session and producer: destinations and sends
 *   300 -  399  consumer: consumers, credit, delivery, acknowledgement, browse
 *   400 -  449  local transactions
 *   450 -  499  XA transactions
 *   500 -  599  durable and shared subscriptions
 * </pre>
 * A peer of a newer version may send a code this version does not know: {@link #fromCode(int)}
 * answers {@link #UNKNOWN} for it, and the receiver replies with {@link ErrorCode#UNKNOWN_COMMAND}.
 */
public enum CommandCode {
    /** First frame on a connection: protocol version, client id, credentials. */
    HANDSHAKE(1),
    /** Keep-alive in either direction; answered when sent as a request. */
    HEARTBEAT(2),
    /** Orderly close of the connection and everything it owns. */
    CLOSE(3),
    /** Registers the connection's JMS client id (unique among live connections). */
    CLIENT_ID(4),
    /** A one-way frame that reports an error not tied to a pending request. */
    ERROR(9),

    /** A broker announces itself, its topics and their queue counts to a name server. */
    REGISTER_BROKER(100),
    /** A broker leaves a name server. */
    UNREGISTER_BROKER(101),
    /** A client asks a name server which brokers serve a destination. */
    QUERY_ROUTE(102),

    /** Creates a queue or topic (also temporary ones). */
    CREATE_DESTINATION(200),
    /** Deletes a destination (a temporary one when its connection closes). */
    DELETE_DESTINATION(201),
    /** Sends one message record. */
    SEND(210),
    /** Sends several message records to one destination. */
    SEND_BATCH(211),
    /**
     * Sends one non-persistent message outside a transaction, one-way: the broker answers nothing when
     * it succeeds, and returns the frame's bytes to the client's send window ({@link #SEND_CREDIT}).
     */
    SEND_UNANSWERED(212),
    /** Broker to client, one-way: bytes of handled {@link #SEND_UNANSWERED} frames, back to the window. */
    SEND_CREDIT(213),
    /** Broker to client, one-way: a {@link #SEND_UNANSWERED} failed; carries its bytes back as well. */
    SEND_FAILED(214),

    /** Opens a consumer on a queue or a subscription. */
    CREATE_CONSUMER(300),
    /** Closes a consumer; unacknowledged messages return to the queue. */
    CLOSE_CONSUMER(301),
    /** Closes a session: rolls back its open transaction and returns its unacknowledged messages. */
    CLOSE_SESSION(302),
    /** Grants a consumer more flow-control credit (its prefetch window). */
    CREDIT(310),
    /** Server push of one message to a consumer. */
    DELIVER(311),
    /** Asks for one message now (receiveNoWait, or a consumer with a zero window). */
    PULL(312),
    /** Acknowledges one delivered message. */
    ACK(320),
    /** Acknowledges a contiguous range of delivered messages. */
    ACK_RANGE(321),
    /** Acknowledges every message delivered to a consumer up to and including one. */
    ACK_UP_TO(322),
    /** Redelivers every unacknowledged message of a session (Session.recover). */
    RECOVER(330),
    /** Browses a queue without consuming. */
    BROWSE(340),

    /** Starts a local transaction on a session. */
    TX_BEGIN(400),
    /** Commits a local transaction. */
    TX_COMMIT(401),
    /** Rolls back a local transaction. */
    TX_ROLLBACK(402),

    /** XAResource.start. */
    XA_START(450),
    /** XAResource.end. */
    XA_END(451),
    /** XAResource.prepare. */
    XA_PREPARE(452),
    /** XAResource.commit (one- or two-phase). */
    XA_COMMIT(453),
    /** XAResource.rollback. */
    XA_ROLLBACK(454),
    /** XAResource.recover: the prepared branches the broker holds. */
    XA_RECOVER(455),
    /** XAResource.forget. */
    XA_FORGET(456),

    /** Reserved: subscriptions are created (or re-attached) through {@link #CREATE_CONSUMER}. */
    CREATE_SUBSCRIPTION(500),
    /** Deletes a durable subscription. */
    UNSUBSCRIBE(501),

    /** A code this version does not know. Never written to the wire. */
    UNKNOWN(-1);

    private static final CommandCode[] BY_CODE = indexByCode();

    private final int code;

    CommandCode(final int code) {
        this.code = code;
    }

    /**
     * Returns the wire value.
     *
     * @return the 16-bit code written to the frame header
     */
    public int code() {
        return code;
    }

    /**
     * Looks up a wire value without allocating.
     *
     * @param code the value read from a frame header
     * @return the command, or {@link #UNKNOWN} when the code is not one of this version's
     */
    public static CommandCode fromCode(final int code) {
        if (code < 0 || code >= BY_CODE.length) {
            return UNKNOWN;
        }
        final CommandCode command = BY_CODE[code];
        return command == null ? UNKNOWN : command;
    }

    private static CommandCode[] indexByCode() {
        int max = 0;
        for (final CommandCode command : values()) {
            max = Math.max(max, command.code);
        }
        final CommandCode[] byCode = new CommandCode[max + 1];
        for (final CommandCode command : values()) {
            if (command.code >= 0) {
                if (byCode[command.code] != null) {
                    throw new ExceptionInInitializerError("duplicate command code " + command.code);
                }
                byCode[command.code] = command;
            }
        }
        return byCode;
    }
}
