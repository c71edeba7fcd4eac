package org.cairnmq.client;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The client's Netty transport: native epoll when {@link Epoll#isAvailable()} (Linux on x86-64, the
 * native library loadable), NIO otherwise, as the broker chooses its own.
 *
 * <p>Design note: on a small machine the wake-ups between the application's threads and the I/O
 * thread are a large part of a message's round trip; epoll's eventfd wake-up and its edge-triggered
 * reads cut the non-persistent round-trip p50 by 15–50 µs on a 2-core VM against NIO. Where the
 * native library cannot load (another platform, a container that forbids it) Netty reports epoll as
 * unavailable and the client runs on NIO unchanged.
 */
final class ClientTransport {

    private ClientTransport() {
    }

    /** The factory of the I/O handlers of the client's event loops. */
    static IoHandlerFactory ioHandlerFactory() {
        return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The socket channel type that goes with {@link #ioHandlerFactory()}. */
    static Class<? extends SocketChannel> channelType() {
        return Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** Which transport the client uses: {@code "epoll"} or {@code "nio"}. */
    static String name() {
        return Epoll.isAvailable() ? "epoll" : "nio";
    }
}
