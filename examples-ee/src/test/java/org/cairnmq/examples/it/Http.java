package org.cairnmq.examples.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A few blocking HTTP calls to WildFly on 127.0.0.1, each bounded by a timeout. */
public final class Http {

    /** System property: WildFly's HTTP port (8080 plus the build's port offset). */
    public static final String HTTP_PORT_PROPERTY = "cairn.examples.httpPort";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /**
     * Returns the URI of a path on WildFly.
     *
     * @param path starting with the context root, e.g. {@code /cairn-orders/api/orders}
     * @return {@code http://127.0.0.1:<port><path>}
     */
    public static URI uri(final String path) {
        return URI.create("http://127.0.0.1:" + CairnBrokerExtension.requiredProperty(HTTP_PORT_PROPERTY) + path);
    }

    /**
     * GETs a path and returns the body of a 200 response.
     *
     * @param path the path
     * @return the body
     * @throws IllegalStateException on any other status
     */
    public static String get(final String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    /**
     * POSTs an empty body to a path (its query carries the parameters) and returns the body of a 2xx
     * response.
     *
     * @param path the path and query
     * @return the body
     * @throws IllegalStateException on any other status
     */
    public static String post(final String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String send(final HttpRequest request) {
        final HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
