package org.cairnmq.server.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthenticatorTest {

    @TempDir
    Path directory;

    @Test
    void shouldAcceptPlainAndHashedPasswordsFromAUsersFile() throws Exception {
        final Path users = directory.resolve("users.properties");
        Files.writeString(users, "# users\nalice = secret\nbob=" + Authenticator.hashPassword("pw", "s4lt") + "\n");

        final Authenticator authenticator = Authenticator.load(users, false);

        assertThat(authenticator.authenticate("alice", "secret")).isEqualTo("alice");
        assertThat(authenticator.authenticate("bob", "pw")).isEqualTo("bob");
        assertFailed(() -> authenticator.authenticate("bob", "s4lt"));
        assertFailed(() -> authenticator.authenticate("alice", null));
    }

    @Test
    void shouldHashTheSaltThenThePasswordWithSha256() throws Exception {
        final byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
            .digest("apw".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(Authenticator.hashPassword("pw", "a"))
            .isEqualTo("sha256:a:" + java.util.HexFormat.of().formatHex(expected));
        assertThat(Authenticator.hashPassword("pw")).startsWith("sha256:").isNotEqualTo(Authenticator.hashPassword("pw"));
    }

    @Test
    void shouldRejectAMalformedHashWhenLoading() throws Exception {
        final Path users = directory.resolve("users.properties");
        Files.writeString(users, "carol=sha256:salt:nothex\n");

        assertThatThrownBy(() -> Authenticator.load(users, true))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carol");
    }

    @Test
    void shouldFailClearlyWhenTheUsersFileIsMissing() {
        assertThatThrownBy(() -> Authenticator.load(directory.resolve("absent"), true))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent");
    }

    @Test
    void shouldTreatAnEmptyUserAsAnonymous() {
        assertThat(Authenticator.of(Map.of(), true).authenticate("", null)).isNull();
        assertFailed(() -> Authenticator.of(Map.of(), false).authenticate("", null));
    }

    @Test
    void shouldAcceptAnyCredentialsWhenAskedTo() {
        assertThat(Authenticator.acceptAny().authenticate("who", "ever")).isEqualTo("who");
    }

    private static void assertFailed(final org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
    }
}
