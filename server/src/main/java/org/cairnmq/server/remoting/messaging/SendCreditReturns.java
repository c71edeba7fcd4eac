package org.cairnmq.server.remoting.messaging;

import java.util.HashMap;
import java.util.Map;
import org.cairnmq.protocol.codec.SendCreditCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.server.remoting.RemotingConnection;

/**
 * Hands the body bytes of one connection's handled SEND_UNANSWERED frames back to its client in
 * SEND_CREDIT frames, one per sending session for many sends.
 *
 * <p>Design note: the first send handled while nothing is owed queues one task on the connection's
 * event loop; the sends handled before that task runs join it. Under load that is one SEND_CREDIT per
 * session and burst of sends (the point of unanswered sends: a response per message cost as much as
 * the send); on an idle connection a send's bytes go back at once. Nothing waits for a threshold, so
 * every byte is handed back promptly and a client waiting for room is never stranded. Bytes are
 * counted per session so that a closing session waits for its own sends only.
 *
 * <p>Thread safety: {@link #handled} may be called from any thread; the owed bytes are guarded by
 * this object's monitor.
 */
final class SendCreditReturns {

    private final RemotingConnection connection;
    private Map<Long, Long> owedBySession = new HashMap<>();

    SendCreditReturns(RemotingConnection connection) {
        this.connection = connection;
    }

    /**
     * Owes the client the bytes of a send that was handled.
     *
     * @param sessionId the session the send named
     * @param bytes the send's body length
     */
    void handled(long sessionId, int bytes) {
        boolean first;
        synchronized (this) {
            first = owedBySession.isEmpty();
            owedBySession.merge(sessionId, (long) bytes, Long::sum);
        }
        if (first) {
            connection.runInOrder(this::handBack);
        }
    }

    private void handBack() {
        Map<Long, Long> owed;
        synchronized (this) {
            owed = owedBySession;
            owedBySession = new HashMap<>();
        }
        owed.forEach((sessionId, total) -> {
            long bytes = total;
            while (bytes > 0) {
                int chunk = (int) Math.min(bytes, Integer.MAX_VALUE);
                connection.push(CommandCode.SEND_CREDIT, SendCreditCodec.body(sessionId, chunk));
                bytes -= chunk;
            }
        });
    }
}
