package org.cairnmq.ra;

import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;

/**
 * The recovery resources the adapter has handed out, closed together when the adapter stops.
 *
 * <p>Thread safety: synchronized; the container asks for resources from its recovery thread.
 */
final class RecoveryResources {

    private final List<RecoveryXAResource> handedOut = new ArrayList<>();

    /**
     * Returns a resource for a server and user, reusing one already handed out.
     *
     * @param settings where and as whom to connect
     * @return the resource
     */
    synchronized XAResource resourceFor(final ConnectionSettings settings) {
        for (final RecoveryXAResource resource : handedOut) {
            if (resource.settings().equals(settings)) {
                return resource;
            }
        }
        final RecoveryXAResource resource = new RecoveryXAResource(settings);
        handedOut.add(resource);
        return resource;
    }

    /** Closes every resource's connection. */
    synchronized void close() {
        handedOut.forEach(RecoveryXAResource::close);
        handedOut.clear();
    }
}
