package org.cairnmq.ra.outbound;

/**
 * What a managed connection needs of the application handles it hands out ({@link CairnConnectionHandle},
 * {@link CairnJMSContextHandle}).
 */
interface ManagedHandle {

    /** @return the API the handle serves */
    HandleKind kind();

    /** @return the managed connection the handle uses now */
    CairnManagedConnection managedConnection();

    /**
     * Moves the handle to another managed connection (connection sharing, {@code associateConnection}).
     *
     * @param target the new managed connection
     */
    void reassociate(CairnManagedConnection target);

    /** Closes the handle and what the application made with it, without telling the container. */
    void invalidate();
}
