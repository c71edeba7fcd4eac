package org.cairnmq.server.remoting.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Chooses the Netty transport: native epoll when {@link Epoll#isAvailable()}, NIO otherwise.
 */
public final class Transports {

    private Transports() {
    }

    /**
     * Tells which transport is used.
     *
     * @return {@code "epoll"} or {@code "nio"}
     */
    public static String name() {
        return Epoll.isAvailable() ? "epoll" : "nio";
    }

    /**
     * Creates an event loop group of the chosen transport.
     *
     * @param threads the thread count, {@code 0} for Netty's default
     * @param poolName the threads' name prefix
     * @param daemon whether the threads are daemons
     * @return the group
     */
    public static EventLoopGroup newEventLoopGroup(final int threads, final String poolName, final boolean daemon) {
        final IoHandlerFactory factory = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(poolName, daemon), factory);
    }

    /**
     * Returns the server channel type of the chosen transport.
     *
     * @return the class
     */
    public static Class<? extends ServerSocketChannel> serverChannelType() {
        return Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /**
     * Returns the client channel type of the chosen transport.
     *
     * @return the class
     */
    public static Class<? extends SocketChannel> clientChannelType() {
        return Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
