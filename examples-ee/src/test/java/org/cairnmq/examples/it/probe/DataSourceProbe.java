package org.cairnmq.examples.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Reports what the server's orders datasource is: lets a test check the build's WildFly configuration
 * without the resource adapter.
 */
@RequestScoped
@Path("datasource")
public class DataSourceProbe {

    @Resource(lookup = "java:jboss/datasources/OrdersXADS")
    private DataSource orders;

    /**
     * Opens a connection and describes it.
     *
     * @return {@code <product> <version> <url>}
     * @throws SQLException when the database cannot be reached
     */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String describe() throws SQLException {
        try (Connection connection = orders.getConnection()) {
            final DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion() + " "
                + metaData.getURL();
        }
    }
}
