package org.cairnmq.ra.outbound;

/** Which API a managed connection serves: its physical resources differ. */
enum HandleKind {
    /** {@code Connection} and one {@code Session}: an XA connection and one XA session. */
    CLASSIC,
    /** {@code JMSContext}: an XA context. */
    CONTEXT
}
