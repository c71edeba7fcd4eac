package org.cairnmq.ra.inbound;

/** How one delivery attempt ended, which decides when the session's next one runs. */
enum DeliveryOutcome {
    /** A message was delivered, or none arrived in the poll interval: the next delivery runs at once. */
    DONE,
    /** The container could not create the endpoint: retry after a back-off, a bounded number of times. */
    ENDPOINT_UNAVAILABLE,
    /** The session failed (connection trouble, container refused a transaction): retry after a back-off. */
    FAILED
}
