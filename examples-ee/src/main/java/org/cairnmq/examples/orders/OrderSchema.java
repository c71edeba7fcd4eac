package org.cairnmq.examples.orders;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Creates the {@code orders} table when the application starts, before the MDB receives anything
 * (the container initialises startup singletons before it delivers messages to the application).
 *
 * <p>Design note: outside any transaction, because H2 commits DDL at once and a DDL statement has no
 * business in an XA branch.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderSchema {

    @Inject
    private OrderRepository repository;

    @PostConstruct
    void createTable() {
        repository.createTable();
    }
}
