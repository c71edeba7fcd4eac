package org.cairnmq.examples.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives {@link HeldSender} over HTTP.
 *
 * <pre>
 * POST /probe/held-send?queue=q&amp;prefix=p&amp;count=5&amp;commit=true
 *      sends, and answers "sent" while the transaction is still open
 * POST /probe/held-send/release?prefix=p
 *      ends the transaction, and answers "committed" or "rolled back"
 * </pre>
 */
@ApplicationScoped
@Path("held-send")
@Produces(MediaType.TEXT_PLAIN)
public class HeldSendResource {

    private final Map<String, Future<String>> outcomes = new ConcurrentHashMap<>();

    @Inject
    private HeldSender sender;

    @Inject
    private SendGates gates;

    /**
     * Starts a held send and waits until its messages are sent.
     *
     * @param queue the queue
     * @param prefix the bodies' prefix and the send's key
     * @param count how many messages
     * @param commit whether the release commits
     * @return "sent"
     */
    @POST
    public String start(@QueryParam("queue") final String queue, @QueryParam("prefix") final String prefix,
                        @QueryParam("count") final int count, @QueryParam("commit") final boolean commit) {
        final SendGates.Gate gate = gates.gate(prefix);
        outcomes.put(prefix, sender.sendAndHold(queue, prefix, count, commit));
        gate.awaitSent();
        return "sent";
    }

    /**
     * Releases a held send and waits for its transaction to end.
     *
     * @param prefix the send's key
     * @return "committed" or "rolled back"
     * @throws ExecutionException when the send failed
     * @throws TimeoutException when the transaction does not end within the gates' bound
     */
    @POST
    @Path("release")
    public String release(@QueryParam("prefix") final String prefix) throws ExecutionException, TimeoutException {
        gates.gate(prefix).release();
        final Future<String> outcome = outcomes.remove(prefix);
        try {
            return outcome.get(SendGates.MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the held send ends", e);
        } finally {
            gates.forget(prefix);
        }
    }
}
