package org.cairnmq.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cross-checks the hand-written LIKE matcher against {@link java.util.regex} on random patterns and
 * values over a small alphabet, where backtracking over several {@code %} is most likely to go wrong.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LikePatternTest {

    private static final String PATTERN_ALPHABET = "ab%_!";
    private static final String VALUE_ALPHABET = "ab%_!";
    private static final int ESCAPE = '!';
    private static final Token TOKEN = new Token(TokenType.STRING, 0, "''", "");

    @Test
    void shouldAgreeWithRegularExpressionTranslationOnRandomInputs() {
        Random random = new Random(20240517L);
        int agreements = 0;
        for (int round = 0; round < 20_000; round++) {
            String pattern = randomText(random, PATTERN_ALPHABET, 7);
            String value = randomText(random, VALUE_ALPHABET, 9);
            boolean escaped = random.nextBoolean();
            int escape = escaped ? ESCAPE : -1;
            if (escaped && endsWithDanglingEscape(pattern)) {
                assertThatThrownBy(() -> LikePattern.compile(pattern, escape, TOKEN, pattern))
                        .isInstanceOf(SelectorSyntaxException.class);
                continue;
            }
            LikePattern like = LikePattern.compile(pattern, escape, TOKEN, pattern);

            assertThat(like.matches(value)).as("'%s' LIKE '%s' escape %s", value, pattern, escaped)
                    .isEqualTo(toRegex(pattern, escape).matcher(value).matches());
            agreements++;
        }
        assertThat(agreements).isGreaterThan(15_000);
    }

    @Test
    void shouldMatchWholeSupplementaryCharactersWithOneUnderscore() {
        LikePattern like = LikePattern.compile("_", -1, TOKEN, "_");

        assertThat(like.matches("\ud83d\ude00")).isTrue();
        assertThat(like.matches("ab")).isFalse();
    }

    @Test
    void shouldAcceptOneSupplementaryCharacterAsEscape() {
        assertThat(LikePattern.escapeCodePoint("\ud83d\ude00")).isEqualTo(0x1F600);
        assertThat(LikePattern.escapeCodePoint("ab")).isNegative();
        assertThat(LikePattern.escapeCodePoint("")).isNegative();
    }

    private static boolean endsWithDanglingEscape(String pattern) {
        boolean escaping = false;
        for (int i = 0; i < pattern.length(); i++) {
            escaping = !escaping && pattern.charAt(i) == ESCAPE;
        }
        return escaping;
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Pattern toRegex(String pattern, int escape) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
