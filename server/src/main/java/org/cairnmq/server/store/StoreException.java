package org.cairnmq.server.store;

/**
 * An unchecked failure of the store outside the append path (opening, recovery, closing).
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Category {
        /** The configuration or the directory layout is not usable. */
        CONFIGURATION,
        /** An I/O operation failed. */
        IO,
        /** The files hold data the store cannot interpret. */
        CORRUPTION,
        /** The store is used outside its lifecycle (for example before start). */
        STATE
    }

    private final Category category;

    /**
     * @param category what kind of failure
     * @param message what failed
     * @param cause the underlying failure, or null
     */
    public StoreException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    /**
     * @param category what kind of failure
     * @param message what failed
     */
    public StoreException(Category category, String message) {
        this(category, message, null);
    }

    /**
     * @return what kind of failure this is
     */
    public Category category() {
        return category;
    }
}
