package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * The bodies of QUERY_ROUTE: which brokers serve a destination (docs/PROTOCOL.md, "Name server").
 *
 * <pre>
 *  request:  byte kind | str name                       (a dest)
 *  response: int count
 *            count x ( str brokerName | str address | int queueCount )
 * </pre>
 *
 * <p>A destination no broker has yet is answered with every live broker and {@code queueCount} 0.
 */
public final class QueryRouteCodec {

    /** The fewest bytes one broker entry takes: two empty strings and the queue count. */
    private static final int MIN_ROUTE_BYTES = Integer.BYTES * 3;

    private QueryRouteCodec() {
    }

    /**
     * A QUERY_ROUTE request.
     *
     * @param kind the destination kind
     * @param name the destination name
     */
    public record Request(DestinationKind kind, String name) implements BodyWriter {

        /**
         * Validates the request.
         */
        public Request {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            if (kind == DestinationKind.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is not a destination kind");
            }
        }

        @Override
        public void write(final ByteBuf out) {
            CodecSupport.writeDestination(out, kind, name);
        }
    }

    /**
     * One broker that serves (or may serve) the destination.
     *
     * @param brokerName the broker's name
     * @param address where clients reach it, {@code host:port}
     * @param queueCount the destination's queue count there; 0 when the broker does not have it yet
     */
    public record BrokerRoute(String brokerName, String address, int queueCount) {

        /**
         * Validates the route.
         */
        public BrokerRoute {
            Objects.requireNonNull(brokerName, "brokerName");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * A QUERY_ROUTE response.
     *
     * @param routes the brokers, in the name server's order
     */
    public record Response(List<BrokerRoute> routes) implements BodyWriter {

        /**
         * Copies the route list.
         */
        public Response {
            routes = List.copyOf(routes);
        }

        @Override
        public void write(final ByteBuf out) {
            out.writeInt(routes.size());
            for (final BrokerRoute route : routes) {
                CodecSupport.writeString(out, route.brokerName());
                CodecSupport.writeString(out, route.address());
                out.writeInt(route.queueCount());
            }
        }
    }

    /**
     * Reads a request body.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the request
     * @throws org.cairnmq.protocol.command.ProtocolException MALFORMED_FRAME for a broken body
     */
    public static Request decodeRequest(final ByteBuf body) {
        final DestinationKind kind = CodecSupport.readDestinationKind(body);
        final String name = CodecSupport.readString(body);
        CodecSupport.requireFullyRead(body);
        return new Request(kind, name);
    }

    /**
     * Reads a response body.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the response
     * @throws org.cairnmq.protocol.command.ProtocolException MALFORMED_FRAME for a broken body
     */
    public static Response decodeResponse(final ByteBuf body) {
        final int count = CodecSupport.readCount(body, MIN_ROUTE_BYTES);
        final List<BrokerRoute> routes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final String brokerName = CodecSupport.readString(body);
            final String address = CodecSupport.readString(body);
            routes.add(new BrokerRoute(brokerName, address, CodecSupport.readInt(body)));
        }
        CodecSupport.requireFullyRead(body);
        return new Response(routes);
    }
}
