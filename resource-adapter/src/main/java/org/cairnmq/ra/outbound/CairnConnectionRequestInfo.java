package org.cairnmq.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;
import java.util.Objects;

/**
 * What an application asked for when it called {@code createConnection(user, password)} or
 * {@code createContext(...)}: the credentials (or none) and the API. The container matches pooled
 * connections by it.
 */
final class CairnConnectionRequestInfo implements ConnectionRequestInfo {

    private final String user;
    private final String password;
    private final HandleKind kind;

    CairnConnectionRequestInfo(final String user, final String password, final HandleKind kind) {
        this.user = user;
        this.password = password;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    HandleKind kind() {
        return kind;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnConnectionRequestInfo info && Objects.equals(info.user, user)
            && Objects.equals(info.password, password) && info.kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, password, kind);
    }

    @Override
    public String toString() {
        return "CairnConnectionRequestInfo[user=" + user + ", kind=" + kind + "]";
    }
}
