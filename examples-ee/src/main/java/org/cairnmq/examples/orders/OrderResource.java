package org.cairnmq.examples.orders;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes orders over HTTP and puts them on the queue; reports what the MDB stored.
 *
 * <pre>
 * POST /api/orders?orderId=o-1&amp;quantity=2          one order                     → 202, the order id
 * POST /api/orders/batch?prefix=b-&amp;count=100       orders b-0 … b-99, one transaction → 202, the count
 * GET  /api/orders/count?prefix=b-                  rows whose order id starts with b-
 * GET  /api/orders/duplicates?prefix=b-             order ids starting with b- stored more than once
 * GET  /api/orders/ids?prefix=b-                    the stored order ids starting with b-, one a line
 * </pre>
 */
@RequestScoped
@Path("orders")
@Produces(MediaType.TEXT_PLAIN)
public class OrderResource {

    /** The largest batch one request may send. */
    public static final int MAX_BATCH = 10_000;

    @Inject
    private OrderSender sender;

    @Inject
    private OrderRepository repository;

    /**
     * Sends one order.
     *
     * @param orderId the order's id
     * @param quantity how many items (the MDB refuses fewer than 1)
     * @return 202 with the order id
     */
    @POST
    public Response send(@QueryParam("orderId") final String orderId,
                         @QueryParam("quantity") @DefaultValue("1") final int quantity) {
        if (orderId == null || orderId.isBlank()) {
            throw new BadRequestException("orderId is required");
        }
        sender.send(new Order(orderId, quantity));
        return Response.accepted(orderId).build();
    }

    /**
     * Sends {@code count} orders, {@code <prefix>0} to {@code <prefix><count-1>}, in one transaction.
     *
     * @param prefix the order ids' prefix
     * @param count how many, 1 to {@value #MAX_BATCH}
     * @param quantity each order's quantity
     * @return 202 with the count
     */
    @POST
    @Path("batch")
    public Response sendBatch(@QueryParam("prefix") final String prefix, @QueryParam("count") final int count,
                              @QueryParam("quantity") @DefaultValue("1") final int quantity) {
        if (prefix == null || prefix.isBlank() || count < 1 || count > MAX_BATCH) {
            throw new BadRequestException("prefix is required and count must be 1 to " + MAX_BATCH);
        }
        final List<Order> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(new Order(prefix + i, quantity));
        }
        sender.sendAll(batch);
        return Response.accepted(Integer.toString(count)).build();
    }

    /**
     * @param prefix the order ids' prefix; empty for all
     * @return the number of stored rows
     */
    @GET
    @Path("count")
    public String count(@QueryParam("prefix") @DefaultValue("") final String prefix) {
        return Long.toString(repository.count(prefix));
    }

    /**
     * @param prefix the order ids' prefix; empty for all
     * @return the stored order ids, sorted, one a line
     */
    @GET
    @Path("ids")
    public String ids(@QueryParam("prefix") @DefaultValue("") final String prefix) {
        return String.join("\n", repository.orderIds(prefix));
    }

    /**
     * @param prefix the order ids' prefix; empty for all
     * @return the number of order ids stored more than once
     */
    @GET
    @Path("duplicates")
    public String duplicates(@QueryParam("prefix") @DefaultValue("") final String prefix) {
        return Long.toString(repository.duplicateCount(prefix));
    }
}
