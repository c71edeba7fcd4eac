package org.cairnmq.jms.it;

/**
 * {@link QueueMessagingIT} against a broker whose port is served by two I/O threads beside the broker
 * thread, so that both threading models pass the queue suite on any machine.
 */
class QueueMessagingOnIoThreadsIT extends QueueMessagingIT {

    @Override
    int ioThreads() {
        return 2;
    }
}
