package org.cairnmq.ra.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Describes the messaging system behind a managed connection. */
final class CairnManagedConnectionMetaData implements ManagedConnectionMetaData {

    private final String user;

    CairnManagedConnectionMetaData(final String user) {
        this.user = user;
    }

    @Override
    public String getEISProductName() {
        return "Cairn";
    }

    @Override
    public String getEISProductVersion() {
        final String version = CairnManagedConnectionMetaData.class.getPackage().getImplementationVersion();
        return version != null ? version : "unknown";
    }

    /** Unbounded: a Cairn broker limits connections by its own settings, not per adapter. */
    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return user;
    }
}
