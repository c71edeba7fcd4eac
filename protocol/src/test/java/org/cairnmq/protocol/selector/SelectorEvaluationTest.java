package org.cairnmq.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven semantics of section 3.8.1: each row is a selector and its truth value (TRUE, FALSE or
 * UNKNOWN) over {@link SelectorFixture#MESSAGE}. Rows come from the specification's own examples,
 * its three-valued logic tables, and the cases well-known JMS selector suites exercise.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectorEvaluationTest {

    private static final String ROW_NAME = "[{index}] {0}  =>  {1}";

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            TRUE                                  | TRUE
            FALSE                                 | FALSE
            true                                  | TRUE
            tRuE                                  | TRUE
            NOT FALSE                             | TRUE
            'abc' = 'abc'                         | TRUE
            'abc' = 'ABC'                         | FALSE
            'abc' <> 'ABC'                        | TRUE
            'it''s' = quote                       | TRUE
            quote = 'it''s'                       | TRUE
            '''' = ''''                           | TRUE
            empty = ''                            | TRUE
            57 = 57                               | TRUE
            -957 < 0                              | TRUE
            +62 = 62                              | TRUE
            7E3 = 7000                            | TRUE
            -57.9E2 = -5790                       | TRUE
            7. = 7                                | TRUE
            .5 = 0.5                              | TRUE
            -95.7 < -95                           | TRUE
            +6.2 > 6                              | TRUE
            1e-2 = 0.01                           | TRUE
            5.9E+1 = 59                           | TRUE
            0x1F = 31                             | TRUE
            0X1f = 31                             | TRUE
            017 = 15                              | TRUE
            0b101 = 5                             | TRUE
            1_000 = 1000                          | TRUE
            10L = 10                              | TRUE
            7d = 7                                | TRUE
            9223372036854775807 = big             | TRUE
            -9223372036854775808 < big            | TRUE
            -9223372036854775808 - 1 > 0          | TRUE
            ratio = 1.1F                          | TRUE
            ratio = 1.1                           | FALSE
            0 = -0                                | TRUE
            0.0 = -0.0                            | TRUE
            1.5f = 1.5                            | TRUE
            0xFFFFFFFFFFFFFFFF = -1               | TRUE
            0xFFFFFFFF = 4294967295               | TRUE
            08.5 = 8.5                            | TRUE
            """)
    void shouldEvaluateLiterals(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            color = 'blue'                                        | TRUE
            Color = 'red'                                         | TRUE
            color = 'red'                                         | FALSE
            COLOR = 'blue'                                        | UNKNOWN
            JMSType = 'car'                                       | TRUE
            JMSType = 'car' AND color = 'blue' AND weight > 2500  | TRUE
            JMSDeliveryMode = 'PERSISTENT'                        | TRUE
            JMSDeliveryMode = 'NON_PERSISTENT'                    | FALSE
            JMSPriority > 4                                       | TRUE
            JMSPriority BETWEEN 0 AND 9                           | TRUE
            JMSMessageID = 'ID:42'                                | TRUE
            JMSTimestamp > 999                                    | TRUE
            JMSCorrelationID IS NULL                              | TRUE
            JMSCorrelationID IS NOT NULL                          | FALSE
            JMSCorrelationID = 'x'                                | UNKNOWN
            JMSExpiration IS NULL                                 | TRUE
            JMSExpiration = 5                                     | UNKNOWN
            JMSRedelivered                                        | UNKNOWN
            JMSRedelivered = TRUE                                 | UNKNOWN
            JMSDestination IS NULL                                | TRUE
            JMSXGroupID = 'g1'                                    | TRUE
            JMSXDeliveryCount >= 2                                | TRUE
            JMS_cairn_region = 'eu'                               | TRUE
            jmsType IS NULL                                       | TRUE
            $dollar = 1                                           | TRUE
            _under = 2                                            | TRUE
            gr\u00f6\u00dfe = 5                                  | TRUE
            missing IS NULL                                       | TRUE
            missing IS NOT NULL                                   | FALSE
            color IS NOT NULL                                     | TRUE
            color IS NULL                                         | FALSE
            flag IS NOT NULL                                      | TRUE
            odd IS NULL                                           | FALSE
            odd = 'x'                                             | FALSE
            odd <> 'x'                                            | FALSE
            ORDER IS NULL                                         | TRUE
            NOTE IS NULL                                          | TRUE
            INDEX IS NULL                                         | TRUE
            ANDROID IS NULL                                       | TRUE
            IS_SET IS NULL                                        | TRUE
            NULLABLE IS NULL                                      | TRUE
            TRUEISH IS NULL                                       | TRUE
            \u0131n IS NULL                                       | TRUE
            """)
    void shouldResolveIdentifiersAndHeaderFields(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            flag                                  | TRUE
            off                                   | FALSE
            missing                               | UNKNOWN
            color                                 | UNKNOWN
            age                                   | UNKNOWN
            NOT flag                              | FALSE
            NOT off                               | TRUE
            NOT age                               | UNKNOWN
            flag AND off                          | FALSE
            flag OR off                           | TRUE
            (flag)                                | TRUE
            flag = TRUE                           | TRUE
            off = FALSE                           | TRUE
            flag <> off                           | TRUE
            flag = 1                              | FALSE
            flag = 'true'                         | FALSE
            (age > 10) = TRUE                     | TRUE
            (age > 10) = (weight > 10)            | TRUE
            (missing > 1) = TRUE                  | UNKNOWN
            """)
    void shouldTreatBooleanIdentifiersAsConditions(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            age = 17                              | TRUE
            age <> 17                             | FALSE
            age > 16                              | TRUE
            age >= 17                             | TRUE
            age < 17                              | FALSE
            age <= 17                             | TRUE
            age > 17                              | FALSE
            17 = age                              | TRUE
            age = 17.0                            | TRUE
            age < 17.5                            | TRUE
            price > 9                             | TRUE
            price = 9.5                           | TRUE
            price = 19 / 2                        | FALSE
            price = 19 / 2.0                      | TRUE
            b = 3                                 | TRUE
            s = 300                               | TRUE
            b < s                                 | TRUE
            weight = 2600                         | TRUE
            weight > age                          | TRUE
            nan = nan                             | FALSE
            nan <> nan                            | TRUE
            nan < 1                               | FALSE
            big > 9223372036854775806             | TRUE
            big = 9223372036854775806             | FALSE
            zero = 0                              | TRUE
            dzero = 0                             | TRUE
            dzero = -0.0                          | TRUE
            NumberOfOrders > 1                    | FALSE
            NumberOfOrders = 2                    | FALSE
            NumberOfOrders <> 2                   | FALSE
            NumberOfOrders = '2'                  | TRUE
            color = 1                             | FALSE
            age = '17'                            | FALSE
            age <> '17'                           | FALSE
            'a' = 1                               | FALSE
            TRUE = 1                              | FALSE
            flag = color                          | FALSE
            color > Color                         | FALSE
            color < Color                         | FALSE
            flag > off                            | FALSE
            NOT (NumberOfOrders > 1)              | TRUE
            """)
    void shouldCompareOnlyLikeTypesWithNumericPromotion(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            missing = 1                           | UNKNOWN
            missing <> 1                          | UNKNOWN
            missing > 1                           | UNKNOWN
            1 < missing                           | UNKNOWN
            missing = 'x'                         | UNKNOWN
            missing = missing                     | UNKNOWN
            missing = flag                        | UNKNOWN
            missing + 1 = 2                       | UNKNOWN
            -missing = 1                          | UNKNOWN
            missing * 0 = 0                       | UNKNOWN
            missing BETWEEN 1 AND 2               | UNKNOWN
            missing NOT BETWEEN 1 AND 2           | UNKNOWN
            age BETWEEN missing AND 20            | UNKNOWN
            age BETWEEN missing AND 10            | FALSE
            age NOT BETWEEN missing AND 10        | TRUE
            age NOT BETWEEN missing AND 20        | UNKNOWN
            missing IN ('a')                      | UNKNOWN
            missing NOT IN ('a')                  | UNKNOWN
            missing LIKE 'a%'                     | UNKNOWN
            missing NOT LIKE 'a%'                 | UNKNOWN
            NOT missing                           | UNKNOWN
            NOT (missing = 1)                     | UNKNOWN
            NOT NOT (missing = 1)                 | UNKNOWN
            TRUE AND TRUE                         | TRUE
            TRUE AND FALSE                        | FALSE
            TRUE AND missing = 1                  | UNKNOWN
            FALSE AND TRUE                        | FALSE
            FALSE AND FALSE                       | FALSE
            FALSE AND missing = 1                 | FALSE
            missing = 1 AND TRUE                  | UNKNOWN
            missing = 1 AND FALSE                 | FALSE
            missing = 1 AND missing = 2           | UNKNOWN
            TRUE OR TRUE                          | TRUE
            TRUE OR FALSE                         | TRUE
            TRUE OR missing = 1                   | TRUE
            FALSE OR TRUE                         | TRUE
            FALSE OR FALSE                        | FALSE
            FALSE OR missing = 1                  | UNKNOWN
            missing = 1 OR TRUE                   | TRUE
            missing = 1 OR FALSE                  | UNKNOWN
            missing = 1 OR missing = 2            | UNKNOWN
            NOT TRUE                              | FALSE
            NOT NOT TRUE                          | TRUE
            NOT NOT NOT TRUE                      | FALSE
            """)
    void shouldApplyNullSemanticsAndThreeValuedLogic(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            TRUE OR TRUE AND FALSE                | TRUE
            (TRUE OR TRUE) AND FALSE              | FALSE
            FALSE AND FALSE OR TRUE               | TRUE
            FALSE AND (FALSE OR TRUE)             | FALSE
            NOT FALSE AND FALSE                   | FALSE
            NOT (FALSE AND FALSE)                 | TRUE
            NOT TRUE OR TRUE                      | TRUE
            NOT age = 17                          | FALSE
            NOT age BETWEEN 10 AND 20             | FALSE
            NOT color LIKE 'b%'                   | FALSE
            NOT missing IS NULL                   | FALSE
            2 + 3 * 4 = 14                        | TRUE
            (2 + 3) * 4 = 20                      | TRUE
            10 - 4 - 3 = 3                        | TRUE
            10 - (4 - 3) = 9                      | TRUE
            100 / 10 / 5 = 2                      | TRUE
            100 / (10 / 5) = 50                   | TRUE
            8 / 2 * 2 = 8                         | TRUE
            7 / 2 * 2 = 6                         | TRUE
            -2 * -3 = 6                           | TRUE
            - (2 + 3) = -5                        | TRUE
            -age = -17                            | TRUE
            - -age = 17                           | TRUE
            +age = 17                             | TRUE
            2 * 3 + 4 * 5 = 26                    | TRUE
            1 + 2 > 2 AND 3 < 2 + 2               | TRUE
            age + 1 BETWEEN 18 AND 18             | TRUE
            ((((age)))) = 17                      | TRUE
            (age = 17)                            | TRUE
            """)
    void shouldHonourOperatorPrecedenceAndParentheses(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            age + 1 = 18                          | TRUE
            age - 20 = -3                         | TRUE
            age * 2 = 34                          | TRUE
            age / 2 = 8                           | TRUE
            age / 2.0 = 8.5                       | TRUE
            -7 / 2 = -3                           | TRUE
            price * 2 = 19                        | TRUE
            price + age = 26.5                    | TRUE
            b + s = 303                           | TRUE
            ratio * 2 = 2.2F                      | TRUE
            age * 1.0 = 17                        | TRUE
            1 / 3 = 0                             | TRUE
            1.0 / 4 = 0.25                        | TRUE
            big + 1 < 0                           | TRUE
            9223372036854775807 + 1 = -9223372036854775808 | TRUE
            age / 0 = 1                           | UNKNOWN
            price / 0 > 0                         | UNKNOWN
            price / 0.0 > 0                       | UNKNOWN
            age / zero = 0                        | UNKNOWN
            age / dzero = 0                       | UNKNOWN
            color + 1 = 1                         | UNKNOWN
            NumberOfOrders + 1 = 3                | UNKNOWN
            flag + 1 = 2                          | UNKNOWN
            -color = 1                            | UNKNOWN
            +color = 'blue'                       | UNKNOWN
            odd + 1 = 2                           | UNKNOWN
            age / 0 = 1 OR TRUE                   | TRUE
            age / 0 = 1 AND FALSE                 | FALSE
            """)
    void shouldDoArithmeticWithNumericPromotion(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            age BETWEEN 15 AND 19                 | TRUE
            age BETWEEN 17 AND 17                 | TRUE
            age BETWEEN 18 AND 20                 | FALSE
            age BETWEEN 19 AND 15                 | FALSE
            age NOT BETWEEN 15 AND 19             | FALSE
            age NOT BETWEEN 18 AND 20             | TRUE
            age NOT BETWEEN 10 AND 17             | FALSE
            price BETWEEN 9 AND 10                | TRUE
            age BETWEEN 16.5 AND 17.5             | TRUE
            age between 15 and 19                 | TRUE
            age Between 1 And 20                  | TRUE
            color BETWEEN 1 AND 2                 | FALSE
            color NOT BETWEEN 1 AND 2             | FALSE
            age BETWEEN 10 AND 20 AND color = 'blue' | TRUE
            age BETWEEN 1 + 1 AND age * 2         | TRUE
            age BETWEEN weight AND 3000           | FALSE
            weight BETWEEN age AND 3000           | TRUE
            JMSTimestamp BETWEEN 0 AND 2000       | TRUE
            age BETWEEN -20 AND -10               | FALSE
            -age BETWEEN -20 AND -10              | TRUE
            """)
    void shouldEvaluateBetween(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            country IN ('UK', 'US', 'France')     | TRUE
            country2 IN ('UK', 'US', 'France')    | FALSE
            country NOT IN ('UK', 'US', 'France') | FALSE
            country2 NOT IN ('UK', 'US', 'France') | TRUE
            country IN ('UK')                     | TRUE
            country IN ('uk')                     | FALSE
            country in ('US','UK')                | TRUE
            country IN ('UK', 'UK')               | TRUE
            age IN ('17')                         | FALSE
            age NOT IN ('17')                     | TRUE
            quote IN ('it''s')                    | TRUE
            JMSType IN ('car', 'truck')           | TRUE
            JMSDeliveryMode IN ('NON_PERSISTENT') | FALSE
            JMSCorrelationID IN ('a', 'b')        | UNKNOWN
            empty IN ('')                         | TRUE
            """)
    void shouldEvaluateIn(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            phone1 LIKE '12%3'                    | TRUE
            phone2 LIKE '12%3'                    | TRUE
            phone3 LIKE '12%3'                    | FALSE
            word1 LIKE 'l_se'                     | TRUE
            word2 LIKE 'l_se'                     | FALSE
            under1 LIKE '\\_%' ESCAPE '\\'        | TRUE
            under2 LIKE '\\_%' ESCAPE '\\'        | FALSE
            phone1 NOT LIKE '12%3'                | FALSE
            phone2 NOT LIKE '12%3'                | FALSE
            phone3 NOT LIKE '12%3'                | TRUE
            color LIKE 'blue'                     | TRUE
            color LIKE 'Blue'                     | FALSE
            color LIKE '%'                        | TRUE
            empty LIKE '%'                        | TRUE
            empty LIKE '_'                        | FALSE
            empty LIKE ''                         | TRUE
            color LIKE ''                         | FALSE
            color LIKE '____'                     | TRUE
            color LIKE '___'                      | FALSE
            color LIKE '_____'                    | FALSE
            color LIKE 'b%'                       | TRUE
            color LIKE '%e'                       | TRUE
            color LIKE '%lu%'                     | TRUE
            color LIKE '%%%'                      | TRUE
            color LIKE 'b%%e'                     | TRUE
            color LIKE '%x%'                      | FALSE
            color LIKE 'b.ue'                     | FALSE
            phone2 LIKE '1%9%3'                   | TRUE
            phone2 LIKE '%9_3'                    | TRUE
            phone2 LIKE '%99'                     | FALSE
            pct LIKE '100\\%' ESCAPE '\\'         | TRUE
            pct LIKE '%\\%' ESCAPE '\\'           | TRUE
            color LIKE '%\\%' ESCAPE '\\'         | FALSE
            pct LIKE '100!%' ESCAPE '!'           | TRUE
            pct LIKE '100%'                       | TRUE
            under1 LIKE '!_foo' ESCAPE '!'        | TRUE
            under2 LIKE '!_ar' ESCAPE '!'         | FALSE
            under2 LIKE '_ar'                     | TRUE
            bang LIKE 'a!!b' ESCAPE '!'           | TRUE
            bang LIKE 'a!b' ESCAPE '!'            | FALSE
            quote LIKE 'it''s'                    | TRUE
            quote LIKE '%''%'                     | TRUE
            accent LIKE 'h_llo'                   | TRUE
            emoji LIKE 'a_b'                      | TRUE
            emoji LIKE 'a__b'                     | FALSE
            brackets LIKE '[a]*'                  | TRUE
            lines LIKE 'a%b'                      | TRUE
            lines LIKE 'a_b'                      | TRUE
            as LIKE '%a%ab'                       | TRUE
            as LIKE 'a%a%b%'                      | TRUE
            as LIKE '%aab%c'                      | FALSE
            as LIKE '%b_'                         | FALSE
            age LIKE '17'                         | FALSE
            age NOT LIKE '17'                     | FALSE
            color like 'b%' escape '!'            | TRUE
            color NOT LIKE 'r%'                   | TRUE
            (color) LIKE 'b%'                     | TRUE
            """)
    void shouldEvaluateLike(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }

    @ParameterizedTest(name = ROW_NAME)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            age=17                                | TRUE
            age<>17                               | FALSE
            NoT fAlSe                             | TRUE
            missing is null                       | TRUE
            missing IS not NULL                   | FALSE
            color IS NOT NULL AND NOT (color = 'red') | TRUE
            (age>10)AND(color='blue')             | TRUE
            """)
    void shouldAcceptAnyCaseKeywordsAndCompactSpelling(String selector, String expected) {
        assertThat(SelectorFixture.truthOf(selector)).isEqualTo(expected);
    }
}
