package org.cairnmq.server.naming;

import io.netty.buffer.ByteBuf;
import java.time.Clock;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.QueryRouteCodec;
import org.cairnmq.protocol.codec.RegisterBrokerCodec;
import org.cairnmq.protocol.codec.UnregisterBrokerCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.ProcessorRegistry;
import org.cairnmq.server.remoting.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's command family: REGISTER_BROKER (also the heartbeat), UNREGISTER_BROKER and
 * QUERY_ROUTE, over a {@link RouteTable}. Every command is answered at once; none blocks.
 *
 * <p>Thread safety: stateless apart from the route table, which is thread safe; called on any
 * connection's event loop.
 */
public final class NamingProcessor implements CommandProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(NamingProcessor.class);

    private final RouteTable routes;
    private final Clock clock;

    /**
     * @param routes the route table
     * @param clock the source of registration times
     */
    public NamingProcessor(final RouteTable routes, final Clock clock) {
        this.routes = routes;
        this.clock = clock;
    }

    /**
     * Registers this processor for its three commands.
     *
     * @param registry the registry of the name server's remoting server
     */
    public void registerWith(final ProcessorRegistry registry) {
        registry.register(CommandCode.REGISTER_BROKER, this);
        registry.register(CommandCode.UNREGISTER_BROKER, this);
        registry.register(CommandCode.QUERY_ROUTE, this);
    }

    @Override
    public void process(final RemotingConnection connection, final FrameHeader header, final ByteBuf body) {
        final CommandCode command = header.command();
        final BodyWriter response = switch (command) {
            case REGISTER_BROKER -> onRegister(RegisterBrokerCodec.decode(body));
            case UNREGISTER_BROKER -> onUnregister(UnregisterBrokerCodec.decode(body));
            case QUERY_ROUTE -> {
                final QueryRouteCodec.Request request = QueryRouteCodec.decodeRequest(body);
                yield new QueryRouteCodec.Response(routes.route(request.kind(), request.name()));
            }
            default -> throw new IllegalArgumentException("not a naming command: " + command);
        };
        if (header.isRequest()) {
            connection.respond(header.correlationId(), command, response);
        }
    }

    private BodyWriter onRegister(final RegisterBrokerCodec.Request request) {
        if (routes.register(request, clock.millis())) {
            LOG.info("Broker '{}' registered at {} with {} destination(s)", request.brokerName(), request.address(),
                request.topics().size());
        }
        return BodyWriter.EMPTY;
    }

    private BodyWriter onUnregister(final String brokerName) {
        if (routes.unregister(brokerName)) {
            LOG.info("Broker '{}' unregistered", brokerName);
        }
        return BodyWriter.EMPTY;
    }
}
