package org.cairnmq.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Selectors the specification rejects, each with the error category and the 0-based position. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectorSyntaxErrorTest {

    @ParameterizedTest(name = "[{index}] {0}  =>  {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "age = "                     | UNEXPECTED_END       | 6
            age = 17)                    | UNEXPECTED_TOKEN     | 8
            (age = 17                    | UNEXPECTED_END       | 9
            age == 17                    | UNEXPECTED_TOKEN     | 5
            age != 17                    | UNEXPECTED_CHARACTER | 4
            color = 'blue                | UNTERMINATED_STRING  | 8
            color = 'it''s               | UNTERMINATED_STRING  | 8
            NOT = 1                      | UNEXPECTED_TOKEN     | 4
            AND = 1                      | RESERVED_WORD        | 0
            OR = 1                       | RESERVED_WORD        | 0
            BETWEEN = 1                  | RESERVED_WORD        | 0
            LIKE = 'a'                   | RESERVED_WORD        | 0
            IN = 'a'                     | RESERVED_WORD        | 0
            IS = 1                       | RESERVED_WORD        | 0
            ESCAPE = 1                   | RESERVED_WORD        | 0
            escape IS NULL               | RESERVED_WORD        | 0
            a = 1 AND like = 2           | RESERVED_WORD        | 10
            AND age = 1                  | RESERVED_WORD        | 0
            age = 1 OR OR age = 2        | RESERVED_WORD        | 11
            NULL = 1                     | MISPLACED_NULL       | 0
            age = NULL                   | MISPLACED_NULL       | 6
            null IS NULL                 | MISPLACED_NULL       | 0
            TRUE IS NULL                 | IDENTIFIER_REQUIRED  | 0
            3 + 4                        | NOT_A_CONDITION      | 0
            'abc'                        | NOT_A_CONDITION      | 0
            57                           | NOT_A_CONDITION      | 0
            age + 1                      | NOT_A_CONDITION      | 0
            flag AND 5                   | NOT_A_CONDITION      | 9
            NOT 'x'                      | NOT_A_CONDITION      | 4
            (age + 1) OR flag            | NOT_A_CONDITION      | 0
            color = 'blue' AND 3         | NOT_A_CONDITION      | 19
            TRUE AND 'x'                 | NOT_A_CONDITION      | 9
            'a' + 1 = 2                  | TYPE_MISMATCH        | 0
            age + 'a' = 2                | TYPE_MISMATCH        | 6
            TRUE * 2 = 2                 | TYPE_MISMATCH        | 0
            age < 'x'                    | TYPE_MISMATCH        | 6
            'x' > age                    | TYPE_MISMATCH        | 0
            flag >= TRUE                 | TYPE_MISMATCH        | 8
            age BETWEEN 'a' AND 'z'      | TYPE_MISMATCH        | 12
            age BETWEEN 1 AND 'z'        | TYPE_MISMATCH        | 18
            -'a' = 1                     | TYPE_MISMATCH        | 1
            (age > 1) + 1 = 2            | TYPE_MISMATCH        | 0
            age BETWEEN 1                | UNEXPECTED_END       | 13
            age BETWEEN 1 OR 2           | UNEXPECTED_TOKEN     | 14
            age IN (1, 2)                | UNEXPECTED_TOKEN     | 8
            age IN ()                    | UNEXPECTED_TOKEN     | 8
            age IN 'a'                   | UNEXPECTED_TOKEN     | 7
            age IN ('a',)                | UNEXPECTED_TOKEN     | 12
            age IN ('a' 'b')             | UNEXPECTED_TOKEN     | 12
            age IN ('a'                  | UNEXPECTED_END       | 11
            name LIKE 5                  | UNEXPECTED_TOKEN     | 10
            name LIKE age                | UNEXPECTED_TOKEN     | 10
            name LIKE 'a' ESCAPE 'ab'    | INVALID_ESCAPE       | 21
            name LIKE 'a' ESCAPE ''      | INVALID_ESCAPE       | 21
            name LIKE 'a!' ESCAPE '!'    | INVALID_ESCAPE       | 10
            name LIKE 'a' ESCAPE         | UNEXPECTED_END       | 20
            5 LIKE '5'                   | IDENTIFIER_REQUIRED  | 0
            'a' IN ('a')                 | IDENTIFIER_REQUIRED  | 0
            age + 1 IS NULL              | IDENTIFIER_REQUIRED  | 0
            name IS 5                    | UNEXPECTED_TOKEN     | 8
            name IS NOT                  | UNEXPECTED_END       | 11
            name NOT NULL                | UNEXPECTED_TOKEN     | 5
            age NOT 5                    | UNEXPECTED_TOKEN     | 4
            age = 12abc                  | INVALID_NUMBER       | 6
            age = 1.2.3                  | INVALID_NUMBER       | 6
            age = 09                     | INVALID_NUMBER       | 6
            age = 0x                     | INVALID_NUMBER       | 6
            age = 1_                     | INVALID_NUMBER       | 6
            age = 1e                     | INVALID_NUMBER       | 6
            age = 0xG1                   | INVALID_NUMBER       | 6
            age>=17and color='blue'      | INVALID_NUMBER       | 5
            age = 9223372036854775808    | NUMBER_OUT_OF_RANGE  | 6
            age = -9223372036854775809   | NUMBER_OUT_OF_RANGE  | 7
            age = 1e400                  | NUMBER_OUT_OF_RANGE  | 6
            age = 0x1FFFFFFFFFFFFFFFF    | NUMBER_OUT_OF_RANGE  | 6
            age = 5 # comment            | UNEXPECTED_CHARACTER | 8
            age = 5 /* comment */        | UNEXPECTED_TOKEN     | 9
            a.b = 1                      | UNEXPECTED_CHARACTER | 1
            "\"color\" = 'blue'"         | UNEXPECTED_CHARACTER | 0
            ()                           | UNEXPECTED_TOKEN     | 1
            age = 17 age = 18            | UNEXPECTED_TOKEN     | 9
            age > 1 < 2                  | UNEXPECTED_TOKEN     | 8
            age = 1 AND                  | UNEXPECTED_END       | 11
            NOT                          | UNEXPECTED_END       | 3
            -                            | UNEXPECTED_END       | 1
            age = +                      | UNEXPECTED_END       | 7
            (                            | UNEXPECTED_END       | 1
            )                            | UNEXPECTED_TOKEN     | 0
            ","                          | UNEXPECTED_TOKEN     | 0
            """)
    void shouldRejectInvalidSelectorWithErrorAndPosition(String selector, SelectorError error, int position) {
        SelectorSyntaxException exception =
                catchThrowableOfType(SelectorSyntaxException.class, () -> Selector.compile(selector));

        assertThat(exception).as("exception for %s", selector).isNotNull();
        assertThat(exception.error()).isEqualTo(error);
        assertThat(exception.position()).isEqualTo(position);
        assertThat(exception.selector()).isEqualTo(selector);
        assertThat(exception.getMessage()).startsWith(error.description()).contains("at position " + position);
    }

    @Test
    void shouldNameTheUnexpectedTokenAndWhatWasExpected() {
        assertThatThrownBy(() -> Selector.compile("(age = 17))"))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("Unexpected token ')' at position 10: expected end of selector");
    }

    @Test
    void shouldReportUnexpectedEndAtTheSelectorLength() {
        assertThatThrownBy(() -> Selector.compile("color IN ('a', "))
                .hasMessage("Unexpected end of selector at position 15: expected a string literal");
    }

    @Test
    void shouldNameTheReservedWordUsedAsIdentifier() {
        assertThatThrownBy(() -> Selector.compile("age = 1 AND between = 2"))
                .hasMessage("Reserved word 'between' at position 12: reserved words cannot be used as identifiers");
    }

    @Test
    void shouldRejectNonJavaWhitespace() {
        SelectorSyntaxException exception = catchThrowableOfType(SelectorSyntaxException.class,
                () -> Selector.compile("age\u00a0= 17"));

        assertThat(exception.error()).isEqualTo(SelectorError.UNEXPECTED_CHARACTER);
        assertThat(exception.position()).isEqualTo(3);
    }

    @Test
    void shouldAcceptParenthesesNestedUpToTheLimit() {
        int limit = Parser.MAX_NESTING;
        String selector = "(".repeat(limit) + "flag" + ")".repeat(limit);

        assertThat(Selector.compile(selector).matches(SelectorFixture.SOURCE)).isTrue();
    }

    @Test
    void shouldRejectParenthesesNestedBeyondTheLimitInsteadOfOverflowingTheStack() {
        int depth = Parser.MAX_NESTING + 1;
        String selector = "(".repeat(depth) + "flag" + ")".repeat(depth);

        SelectorSyntaxException exception =
                catchThrowableOfType(SelectorSyntaxException.class, () -> Selector.compile(selector));

        assertThat(exception.error()).isEqualTo(SelectorError.TOO_DEEP);
        assertThat(exception.position()).isEqualTo(Parser.MAX_NESTING);
    }

    @Test
    void shouldRejectNotChainsAndSignChainsBeyondTheLimit() {
        String nots = "NOT ".repeat(Parser.MAX_NESTING + 1) + "flag";
        String signs = "age = " + "- +".repeat(Parser.MAX_NESTING) + "age";

        assertThat(catchThrowableOfType(SelectorSyntaxException.class, () -> Selector.compile(nots)).position())
                .isEqualTo(4 * Parser.MAX_NESTING);
        assertThat(catchThrowableOfType(SelectorSyntaxException.class, () -> Selector.compile(signs)).error())
                .isEqualTo(SelectorError.TOO_DEEP);
    }

    @Test
    void shouldRejectArithmeticChainsDeeperThanTheEvaluatorAllows() {
        String shallow = "age" + " + 1".repeat(Parser.MAX_DEPTH - 10) + " > 0";
        String deep = "age" + " + 1".repeat(Parser.MAX_DEPTH + 1) + " > 0";

        assertThat(Selector.compile(shallow).matches(SelectorFixture.SOURCE)).isTrue();
        assertThat(catchThrowableOfType(SelectorSyntaxException.class, () -> Selector.compile(deep)).error())
                .isEqualTo(SelectorError.TOO_DEEP);
    }

    @Test
    void shouldEvaluateLongFlatOrChainsWithoutDepthLimit() {
        StringBuilder selector = new StringBuilder("age = 0");
        for (int value = 1; value <= 20_000; value++) {
            selector.append(" OR age = ").append(value);
        }
        Selector compiled = Selector.compile(selector.toString());

        assertThat(compiled.matches(SelectorFixture.SOURCE)).isTrue();
        assertThat(compiled.matches(name -> 20_001)).isFalse();
    }

    @Test
    void shouldKeepStableDistinctErrorIds() {
        assertThat(SelectorError.values()).extracting(SelectorError::id).doesNotHaveDuplicates()
                .allMatch(id -> id > 0);
        assertThat(SelectorError.UNEXPECTED_TOKEN.id()).isEqualTo(5);
    }

    @Test
    void shouldBeAnUncheckedException() {
        assertThat(RuntimeException.class).isAssignableFrom(SelectorSyntaxException.class);
    }
}
