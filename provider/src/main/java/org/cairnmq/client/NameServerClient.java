package org.cairnmq.client;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.cairnmq.protocol.codec.QueryRouteCodec;
import org.cairnmq.protocol.codec.QueryRouteCodec.BrokerRoute;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * Asks a name server which brokers serve a destination (QUERY_ROUTE), and remembers each answer
 * for a short time so that every producer and consumer of a destination does not ask again.
 * {@link #invalidate} drops an answer early, for example after a broker named in it was unreachable.
 *
 * <p>Thread safety: any thread. Two concurrent queries of an uncached destination may both go to
 * the name server; the later answer wins.
 */
public final class NameServerClient {

    /** Default {@code cacheTtlMs}: how long an answer is reused, in milliseconds. */
    public static final long DEFAULT_CACHE_TTL_MS = 3_000L;

    private final ClientConnection connection;
    private final long cacheTtlNanos;
    private final LongSupplier nanoClock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param connection an open connection to a name server
     * @param cacheTtlMs how long an answer is reused, milliseconds; 0 disables the cache
     */
    public NameServerClient(final ClientConnection connection, final long cacheTtlMs) {
        this(connection, cacheTtlMs, System::nanoTime);
    }

    /**
     * @param connection an open connection to a name server
     * @param cacheTtlMs how long an answer is reused, milliseconds; 0 disables the cache
     * @param nanoClock the monotonic clock of cache expiry, in nanoseconds
     */
    public NameServerClient(final ClientConnection connection, final long cacheTtlMs, final LongSupplier nanoClock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        if (cacheTtlMs < 0) {
            throw new IllegalArgumentException("cacheTtlMs must not be negative, was " + cacheTtlMs);
        }
        this.cacheTtlNanos = cacheTtlMs * 1_000_000L;
    }

    /**
     * Returns the routes of a destination, from the cache while fresh.
     *
     * @param kind the destination kind
     * @param name the destination name
     * @return completes with the brokers (every live broker with queue count 0 when none has the
     *     destination yet); exceptionally as {@link ClientConnection#request} does
     */
    public CompletableFuture<List<BrokerRoute>> queryRoute(final DestinationKind kind, final String name) {
        final Key key = new Key(kind, name);
        final Cached cached = cache.get(key);
        if (cached != null && nanoClock.getAsLong() - cached.fetchedAtNanos() < cacheTtlNanos) {
            return CompletableFuture.completedFuture(cached.routes());
        }
        return connection.request(CommandCode.QUERY_ROUTE, new QueryRouteCodec.Request(kind, name)).thenApply(body -> {
            final List<BrokerRoute> routes = decode(body);
            if (cacheTtlNanos > 0) {
                cache.put(key, new Cached(routes, nanoClock.getAsLong()));
            }
            return routes;
        });
    }

    /**
     * Forgets the cached routes of a destination.
     *
     * @param kind the destination kind
     * @param name the destination name
     */
    public void invalidate(final DestinationKind kind, final String name) {
        cache.remove(new Key(kind, name));
    }

    /** Forgets every cached route. */
    public void invalidateAll() {
        cache.clear();
    }

    private static List<BrokerRoute> decode(final ByteBuf body) {
        try {
            return QueryRouteCodec.decodeResponse(body).routes();
        } finally {
            body.release();
        }
    }

    private record Key(DestinationKind kind, String name) {
    }

    private record Cached(List<BrokerRoute> routes, long fetchedAtNanos) {
    }
}
