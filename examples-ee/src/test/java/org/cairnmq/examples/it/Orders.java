package org.cairnmq.examples.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The example application's REST API as the tests use it. */
public final class Orders {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Orders() {
    }

    /**
     * @param what a readable label
     * @return a prefix no other test run uses, e.g. {@code batch-1b2c3d4e-}
     */
    public static String uniquePrefix(final String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /**
     * Sends one order through the application (its sender EJB and the adapter's connection factory).
     *
     * @param orderId the id
     * @param quantity the quantity (below 1 is refused by the MDB's database)
     */
    public static void send(final String orderId, final int quantity) {
        Http.post(Deployments.ORDERS_API + "?orderId=" + orderId + "&quantity=" + quantity);
    }

    /**
     * Sends {@code <prefix>0 … <prefix><count-1>} through the application in one transaction.
     *
     * @param prefix the ids' prefix
     * @param count how many
     */
    public static void sendBatch(final String prefix, final int count) {
        Http.post(Deployments.ORDERS_API + "/batch?prefix=" + prefix + "&count=" + count);
    }

    /**
     * @param prefix the ids' prefix
     * @return the rows the MDB stored for them
     */
    public static long storedRows(final String prefix) {
        return Long.parseLong(Http.get(Deployments.ORDERS_API + "/count?prefix=" + prefix).trim());
    }

    /**
     * @param prefix the ids' prefix
     * @return the distinct stored ids
     */
    public static Set<String> storedIds(final String prefix) {
        return Http.get(Deployments.ORDERS_API + "/ids?prefix=" + prefix).lines().filter(line -> !line.isBlank())
            .collect(Collectors.toSet());
    }

    /**
     * @param prefix the ids' prefix
     * @return how many of those ids have more than one row
     */
    public static long duplicatedIds(final String prefix) {
        return Long.parseLong(Http.get(Deployments.ORDERS_API + "/duplicates?prefix=" + prefix).trim());
    }

    /**
     * Waits until the MDB stored {@code rows} rows for a prefix.
     *
     * @param prefix the ids' prefix
     * @param rows the expected number of rows
     * @param deadline how long to wait
     */
    public static void awaitStoredRows(final String prefix, final long rows, final Duration deadline) {
        await("rows for " + prefix).atMost(deadline).pollInterval(POLL_INTERVAL)
            .until(() -> storedRows(prefix) == rows);
    }
}
