package org.cairnmq.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public contract of {@link Selector}: compiling, matching, sharing and what it reads. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectorTest {

    private static final PropertySource FAILING_SOURCE = name -> {
        throw new AssertionError("the source must not be read, but was asked for " + name);
    };

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\r\n\f"})
    void shouldReturnSharedMatchAllSelectorForAbsentSelector(String text) {
        Selector selector = Selector.compile(text);

        assertThat(selector).isSameAs(Selector.matchAll());
        assertThat(selector.isMatchAll()).isTrue();
        assertThat(selector.text()).isEmpty();
        assertThat(selector.matches(FAILING_SOURCE)).isTrue();
    }

    @Test
    void shouldKeepTheSelectorText() {
        Selector selector = Selector.compile(" color = 'blue' ");

        assertThat(selector.text()).isEqualTo(" color = 'blue' ");
        assertThat(selector.isMatchAll()).isFalse();
        assertThat(selector).hasToString("Selector[ color = 'blue' ]");
    }

    @Test
    void shouldBeEqualWhenTextsAreEqual() {
        assertThat(Selector.compile("a = 1")).isEqualTo(Selector.compile("a = 1"))
                .hasSameHashCodeAs(Selector.compile("a = 1"))
                .isNotEqualTo(Selector.compile("a = 2"));
    }

    @Test
    void shouldMatchTheSpecificationExampleOnlyForTheSelectedMessage() {
        Selector selector = Selector.compile("JMSType = 'car' AND color = 'blue' AND weight > 2500");

        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue", "weight", 2600)::get)).isTrue();
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue", "weight", 2400)::get)).isFalse();
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue")::get)).isFalse();
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue", "weight", "2600")::get)).isFalse();
    }

    @Test
    void shouldTreatJavaWhitespaceAsSeparators() {
        Selector selector = Selector.compile("\tage\r\n=\f17 AND\ncolor\r=\t'blue' ");

        assertThat(selector.matches(SelectorFixture.SOURCE)).isTrue();
    }

    @Test
    void shouldNeverAskTheSourceForHeadersASelectorMayNotName() {
        List<String> asked = new ArrayList<>();
        Selector selector = Selector.compile("JMSExpiration IS NULL AND JMSRedelivered IS NULL"
                + " AND JMSDestination IS NULL AND JMSReplyTo IS NULL AND JMSDeliveryTime IS NULL"
                + " AND JMSPriority = 4 AND JMSXGroupID = 'g' AND JMS_vendor = 1");

        boolean matched = selector.matches(name -> {
            asked.add(name);
            return Map.<String, Object>of("JMSPriority", 4, "JMSXGroupID", "g", "JMS_vendor", 1L,
                    "JMSExpiration", 9L).get(name);
        });

        assertThat(matched).isTrue();
        assertThat(asked).containsExactly("JMSPriority", "JMSXGroupID", "JMS_vendor");
    }

    @Test
    void shouldNotReadTheRightOperandWhenTheLeftDecidesAndOrOr() {
        List<String> asked = new ArrayList<>();
        PropertySource recording = name -> {
            asked.add(name);
            return SelectorFixture.MESSAGE.get(name);
        };

        assertThat(Selector.compile("off AND age = 17").matches(recording)).isFalse();
        assertThat(Selector.compile("flag OR age = 17").matches(recording)).isTrue();
        assertThat(asked).containsExactly("off", "flag");
    }

    @Test
    void shouldNotThrowForAnyValueTypeInAnyOperator() {
        Object[] values = {null, Boolean.TRUE, (byte) 1, (short) 1, 1, 1L, 1.0f, 1.0d, "1", 'c', new Object()};
        String[] selectors = {"v = 1", "v <> 'a'", "v < 2.5", "v + 1 = 2", "-v = -1", "v / 0 = 1",
            "v BETWEEN 0 AND 2", "v NOT BETWEEN 0 AND 2", "v IN ('1')", "v NOT IN ('1')", "v LIKE '1'",
            "v NOT LIKE '_'", "v IS NULL", "v", "NOT v", "v = TRUE", "v * 2.0 > v"};
        int matched = 0;
        for (String text : selectors) {
            Selector selector = Selector.compile(text);
            for (Object value : values) {
                if (selector.matches(name -> value)) {
                    matched++;
                }
            }
        }
        assertThat(matched).isPositive();
    }

    @Test
    void shouldGiveTheSameAnswersWhenSharedAcrossThreads() throws Exception {
        Selector selector = Selector.compile("age BETWEEN 10 AND 20 AND name LIKE 'a%c' AND kind IN ('x', 'y')");
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(executor.submit(() -> countMatches(selector)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(countMatches(selector));
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(countMatches(selector)).as("ages 10..20, names abc and ac, kinds x and y")
                .isEqualTo(11 * 2 * 2);
    }

    private static int countMatches(Selector selector) {
        int matches = 0;
        for (int age = 0; age < 40; age++) {
            for (String name : new String[] {"abc", "ac", "abd", "xbc"}) {
                for (String kind : new String[] {"x", "y", "z"}) {
                    Map<String, Object> message = Map.of("age", age, "name", name, "kind", kind);
                    if (selector.matches(message::get)) {
                        matches++;
                    }
                }
            }
        }
        return matches;
    }
}
