package org.cairnmq.jms.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConnectionConfigTest {

    @Test
    void shouldUseTheDefaultsWhenTheUrlHasNoOptions() {
        final ConnectionConfig config = ConnectionConfig.parse("cairn://localhost:9876");

        assertThat(config.addresses()).containsExactly("localhost:9876");
        assertThat(config.user()).isNull();
        assertThat(config.password()).isNull();
        assertThat(config.clientId()).isNull();
        assertThat(config.prefetch()).isEqualTo(1000);
        assertThat(config.connectTimeoutMs()).isEqualTo(5_000);
        assertThat(config.requestTimeoutMs()).isEqualTo(30_000);
        assertThat(config.reconnectAttempts()).isEqualTo(3);
        assertThat(config.reconnectIntervalMs()).isEqualTo(1_000);
    }

    @Test
    void shouldReadEveryAddressAndOption() {
        final ConnectionConfig config = ConnectionConfig.parse("cairn://ns1:1,ns2:2?user=app&password=p%26w"
            + "&clientId=c1&prefetch=0&connectTimeoutMs=7&requestTimeoutMs=8&reconnectAttempts=9"
            + "&reconnectIntervalMs=10");

        assertThat(config.addresses()).containsExactly("ns1:1", "ns2:2");
        assertThat(config.user()).isEqualTo("app");
        assertThat(config.password()).isEqualTo("p&w");
        assertThat(config.clientId()).isEqualTo("c1");
        assertThat(config.prefetch()).isZero();
        assertThat(config.connectTimeoutMs()).isEqualTo(7);
        assertThat(config.requestTimeoutMs()).isEqualTo(8);
        assertThat(config.reconnectAttempts()).isEqualTo(9);
        assertThat(config.reconnectIntervalMs()).isEqualTo(10);
    }

    @Test
    void shouldRejectAnUnknownOption() {
        assertThatThrownBy(() -> ConnectionConfig.parse("cairn://h:1?prefetchSize=3"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("prefetchSize");
    }

    @Test
    void shouldRejectANegativeOrNonNumericValue() {
        assertThatThrownBy(() -> ConnectionConfig.parse("cairn://h:1?prefetch=-1"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("prefetch");
        assertThatThrownBy(() -> ConnectionConfig.parse("cairn://h:1?reconnectAttempts=many"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectAUrlOfAnotherSchemeOrWithoutPort() {
        assertThatThrownBy(() -> ConnectionConfig.parse("tcp://h:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionConfig.parse("cairn://h")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHideThePasswordInItsText() {
        final ConnectionConfig config = ConnectionConfig.parse("cairn://h:1?user=u&password=secret");

        assertThat(config.toString()).doesNotContain("secret").contains("user=u");
        assertThat(Collections.singletonList(config.url())).containsExactly("cairn://h:1?user=u&password=secret");
    }
}
