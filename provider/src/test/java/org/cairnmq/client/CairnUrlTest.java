package org.cairnmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CairnUrlTest {

    @Test
    void shouldParseOneAddressWithoutOptions() {
        final CairnUrl url = CairnUrl.parse("cairn://localhost:9876");

        assertThat(url.addresses()).containsExactly("localhost:9876");
        assertThat(url.options()).isEmpty();
    }

    @Test
    void shouldParseSeveralAddressesAndDecodedOptionsInOrder() {
        final CairnUrl url = CairnUrl.parse("cairn://a:1, b:2,[::1]:3?user=bob&password=p%26w&connectTimeoutMs=250");

        assertThat(url.addresses()).containsExactly("a:1", "b:2", "[::1]:3");
        assertThat(url.options()).containsExactly(Map.entry("user", "bob"), Map.entry("password", "p&w"),
            Map.entry("connectTimeoutMs", "250"));
        assertThat(url.longOption("connectTimeoutMs", 5L)).isEqualTo(250L);
        assertThat(url.longOption("absent", 5L)).isEqualTo(5L);
        assertThat(url.option("absent", "x")).isEqualTo("x");
    }

    @Test
    void shouldRejectBadUrlsWithAMessageThatSaysWhy() {
        final Map<String, String> reasons = Map.of(
            "tcp://a:1", "must start with cairn://",
            "cairn://", "an address is empty",
            "cairn://a:1,", "an address is empty",
            "cairn://a", "is not host:port",
            "cairn://a:x", "is not a number",
            "cairn://a:70000", "outside 1..65535",
            "cairn://a:1?flag", "is not key=value",
            "cairn://a:1?k=%zz", "not URL-encoded");
        reasons.forEach((url, reason) -> assertThatThrownBy(() -> CairnUrl.parse(url))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("CAIRN-2001").hasMessageContaining(url).hasMessageContaining(reason));
        assertThatThrownBy(() -> CairnUrl.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectANonNumericValueForANumericOption() {
        assertThatThrownBy(() -> CairnUrl.parse("cairn://a:1?t=soon").longOption("t", 0L))
            .hasMessageContaining("t=soon");
    }

    @Test
    void shouldCompareByAddressesAndOptions() {
        assertThat(CairnUrl.parse("cairn://a:1?x=1")).isEqualTo(CairnUrl.parse("cairn://a:1?x=%31"))
            .isNotEqualTo(CairnUrl.parse("cairn://a:1"));
        assertThat(CairnUrl.parse("cairn://a:1,b:2").toString()).isEqualTo("cairn://a:1,b:2");
        assertThat(CairnUrl.parse("cairn://a:1").addresses()).isEqualTo(List.of("a:1"));
    }
}
