package org.cairnmq.examples.orders;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code orders} table, through the server's XA datasource: an insert made inside a JTA transaction
 * (the MDB's) commits or rolls back with it.
 *
 * <p>Design note: {@code order_id} is deliberately not unique. A unique key would turn a duplicate
 * delivery into a constraint violation and a redelivery, hiding it; as it is, a message processed twice
 * leaves two rows, which {@link #duplicateCount} reports.
 */
@ApplicationScoped
public class OrderRepository {

    /** JNDI name of the XA datasource the build configures (configure-wildfly.cli). */
    public static final String DATASOURCE = "java:jboss/datasources/OrdersXADS";

    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS orders ("
        + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
        + "order_id VARCHAR(200) NOT NULL, "
        + "quantity INT NOT NULL CONSTRAINT positive_quantity CHECK (quantity > 0), "
        + "stored_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)";
    private static final String INSERT = "INSERT INTO orders (order_id, quantity) VALUES (?, ?)";
    private static final String COUNT = "SELECT COUNT(*) FROM orders WHERE order_id LIKE ?";
    private static final String IDS = "SELECT DISTINCT order_id FROM orders WHERE order_id LIKE ? ORDER BY order_id";
    private static final String DUPLICATES = "SELECT COUNT(*) FROM (SELECT order_id FROM orders "
        + "WHERE order_id LIKE ? GROUP BY order_id HAVING COUNT(*) > 1) AS duplicated";

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    /**
     * Stores one order in the caller's transaction.
     *
     * @param order the order
     * @throws OrderStoreException when the database refuses it (a quantity below 1) or fails
     */
    public void insert(final Order order) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, order.orderId());
            insert.setInt(2, order.quantity());
            insert.executeUpdate();
        } catch (final SQLException e) {
            throw new OrderStoreException("cannot store order " + order.orderId(), e);
        }
    }

    /**
     * Counts the rows of the orders whose id starts with a prefix.
     *
     * @param orderIdPrefix the prefix; empty for all
     * @return the number of rows
     */
    public long count(final String orderIdPrefix) {
        return queryCount(COUNT, orderIdPrefix);
    }

    /**
     * Counts the order ids, among those starting with a prefix, that have more than one row.
     *
     * @param orderIdPrefix the prefix; empty for all
     * @return the number of duplicated order ids
     */
    public long duplicateCount(final String orderIdPrefix) {
        return queryCount(DUPLICATES, orderIdPrefix);
    }

    /**
     * Lists the distinct order ids stored, among those starting with a prefix.
     *
     * @param orderIdPrefix the prefix; empty for all
     * @return the ids, sorted
     */
    public List<String> orderIds(final String orderIdPrefix) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(IDS)) {
            query.setString(1, escapeLike(orderIdPrefix) + "%");
            final List<String> ids = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
            return ids;
        } catch (final SQLException e) {
            throw new OrderStoreException("cannot list orders starting with " + orderIdPrefix, e);
        }
    }

    void createTable() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement create = connection.prepareStatement(CREATE_TABLE)) {
            create.execute();
        } catch (final SQLException e) {
            throw new OrderStoreException("cannot create the orders table", e);
        }
    }

    private long queryCount(final String sql, final String orderIdPrefix) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, escapeLike(orderIdPrefix) + "%");
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (final SQLException e) {
            throw new OrderStoreException("cannot count orders starting with " + orderIdPrefix, e);
        }
    }

    private static String escapeLike(final String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
