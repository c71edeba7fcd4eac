package org.cairnmq.examples.orders;

/** The orders database refused or failed an operation; unchecked so that it rolls back the transaction. */
public class OrderStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was being done
     * @param cause the database's error
     */
    public OrderStoreException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
