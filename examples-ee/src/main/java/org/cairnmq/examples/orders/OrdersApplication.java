package org.cairnmq.examples.orders;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST root: {@code /cairn-orders/api/...}. */
@ApplicationPath("api")
public class OrdersApplication extends Application {
}
