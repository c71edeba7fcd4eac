package org.cairnmq.client.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import org.cairnmq.protocol.codec.AckCodec;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.BrowseCodec;
import org.cairnmq.protocol.codec.ClientIdCodec;
import org.cairnmq.protocol.codec.CloseConsumerCodec;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.codec.CreditCodec;
import org.cairnmq.protocol.codec.DeliverFlyweight;
import org.cairnmq.protocol.codec.DestinationCodec;
import org.cairnmq.protocol.codec.DestinationRef;
import org.cairnmq.protocol.codec.PullCodec;
import org.cairnmq.protocol.codec.QueryRouteCodec;
import org.cairnmq.protocol.codec.SendCodec;
import org.cairnmq.protocol.codec.RecoverCodec;
import org.cairnmq.protocol.codec.SessionCodec;
import org.cairnmq.protocol.codec.TxCodec;
import org.cairnmq.protocol.codec.UnsubscribeCodec;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * The requests the client sends and the bodies it reads, as the client half needs them, over the
 * protocol's codecs ({@code org.cairnmq.protocol.codec}, which pin the layout of docs/PROTOCOL.md).
 * Readers copy what they return out of the frame, so the frame may be released afterwards.
 */
public final class ClientCommands {

    /** The SEND queue id that lets the broker pick the queue. */
    public static final int ANY_QUEUE = -1;

    /** The txId of a request outside a transaction. */
    public static final long NO_TRANSACTION = 0L;

    private ClientCommands() {
    }

    /** QUERY_ROUTE. */
    public static BodyWriter queryRoute(final DestinationKind kind, final String name) {
        return new QueryRouteCodec.Request(kind, name);
    }

    /** Reads the QUERY_ROUTE answer. */
    public static List<Route> readRoutes(final ByteBuf in) {
        final List<Route> routes = new ArrayList<>();
        for (final QueryRouteCodec.BrokerRoute route : QueryRouteCodec.decodeResponse(in).routes()) {
            routes.add(new Route(route.brokerName(), route.address(), route.queueCount()));
        }
        return routes;
    }

    /** CREATE_DESTINATION; a {@code queueCount} of 0 asks for the broker's default. */
    public static BodyWriter createDestination(final DestinationKind kind, final String name, final int queueCount) {
        return DestinationCodec.create(new DestinationRef(kind, name), queueCount);
    }

    /** DELETE_DESTINATION. */
    public static BodyWriter deleteDestination(final DestinationKind kind, final String name) {
        return DestinationCodec.delete(new DestinationRef(kind, name));
    }

    /** SEND; the record's readable bytes are copied into the frame, its indexes untouched. */
    public static BodyWriter send(final long txId, final int queueId, final ByteBuf record) {
        return SendCodec.request(txId, queueId, record);
    }

    /** CREATE_CONSUMER. */
    public static BodyWriter createConsumer(final ConsumerSpec spec, final int initialCredit) {
        return CreateConsumerCodec.request(new CreateConsumerCodec.Request(spec.consumerId(), spec.sessionId(),
            new DestinationRef(spec.kind(), spec.destinationName()), spec.selector(), spec.flags(),
            spec.subscriptionName(), initialCredit));
    }

    /**
     * CLOSE_CONSUMER with the deliveries the client never gave to the application and the highest
     * delivery id it received for the consumer (the broker also returns those above it, on the wire).
     */
    public static BodyWriter closeConsumer(final long consumerId, final long[] returnedDeliveryIds,
                                           final long highestReceivedDeliveryId) {
        return CloseConsumerCodec.request(consumerId, returnedDeliveryIds, highestReceivedDeliveryId);
    }

    /** CREDIT. */
    public static BodyWriter credit(final long consumerId, final int credit) {
        return CreditCodec.request(consumerId, credit);
    }

    /** Reads a DELIVER body, copying the record out of the frame. */
    public static Delivery readDelivery(final ByteBuf in) {
        final DeliverFlyweight deliver = new DeliverFlyweight().wrap(in);
        final ByteBuf record = deliver.record();
        return new Delivery(deliver.consumerId(), deliver.deliveryId(), deliver.deliveryCount(),
            ByteBufUtil.getBytes(record, record.readerIndex(), record.readableBytes()));
    }

    /** PULL. */
    public static BodyWriter pull(final long consumerId, final long timeoutMs) {
        return PullCodec.request(consumerId, timeoutMs);
    }

    /** Reads the PULL answer: whether a DELIVER for the consumer was written before it. */
    public static boolean readPulled(final ByteBuf in) {
        return PullCodec.decodeResponse(in);
    }

    /** ACK of exactly the listed deliveries. */
    public static BodyWriter ack(final long sessionId, final long txId, final long[] deliveryIds) {
        return AckCodec.request(sessionId, txId, AckMode.INDIVIDUAL, deliveryIds);
    }

    /** CLOSE_SESSION: a body of the session id alone. */
    public static BodyWriter sessionOnly(final long sessionId) {
        return SessionCodec.request(sessionId);
    }

    /** TX_COMMIT. */
    public static BodyWriter transaction(final long sessionId, final long txId) {
        return TxCodec.request(sessionId, txId);
    }

    /** RECOVER (txId 0) and TX_ROLLBACK, naming the deliveries the application consumed. */
    public static BodyWriter recover(final long sessionId, final long txId, final long[] consumedDeliveryIds) {
        return RecoverCodec.request(sessionId, txId, consumedDeliveryIds);
    }

    /** Reads the RECOVER / TX_ROLLBACK answer: the highest delivery id the broker took back. */
    public static long readRecovered(final ByteBuf in) {
        return RecoverCodec.decodeResponse(in);
    }

    /** BROWSE. */
    public static BodyWriter browse(
        final DestinationKind kind, final String name, final String selector, final long cursor, final int maxCount) {
        return BrowseCodec.request(new BrowseCodec.Request(new DestinationRef(kind, name), selector, cursor, maxCount));
    }

    /** Reads the BROWSE answer. */
    public static BrowsePage readBrowsePage(final ByteBuf in) {
        final BrowseCodec.Page page = BrowseCodec.decodeResponse(in);
        return new BrowsePage(page.nextCursor(), page.done(), page.records());
    }

    /** CLIENT_ID: registers the connection's JMS client id with a broker. */
    public static BodyWriter clientId(final String clientId) {
        return ClientIdCodec.request(clientId);
    }

    /** UNSUBSCRIBE: deletes a durable subscription of the connection's client id. */
    public static BodyWriter unsubscribe(final String subscriptionName) {
        return UnsubscribeCodec.request(subscriptionName);
    }
}
