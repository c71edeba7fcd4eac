package org.cairnmq.server.remoting.messaging;

import java.nio.ByteBuffer;
import org.cairnmq.protocol.codec.DeliverCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.server.broker.ClientLink;
import org.cairnmq.server.remoting.RemotingConnection;

/** Adapts a {@link RemotingConnection} to the broker's {@link ClientLink}: DELIVER pushes. */
final class RemotingClientLink implements ClientLink {

    private final RemotingConnection connection;

    RemotingClientLink(RemotingConnection connection) {
        this.connection = connection;
    }

    @Override
    public long connectionId() {
        return connection.connectionId();
    }

    @Override
    public void deliver(long consumerId, long deliveryId, int deliveryCount, ByteBuffer record) {
        connection.push(CommandCode.DELIVER, DeliverCodec.deliver(consumerId, deliveryId, deliveryCount, record));
    }

    @Override
    public boolean isWritable() {
        return connection.isWritable();
    }

    @Override
    public void onWritable(Runnable listener) {
        connection.onWritable(listener);
    }
}
