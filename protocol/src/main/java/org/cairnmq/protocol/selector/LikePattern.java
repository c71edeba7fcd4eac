package org.cairnmq.protocol.selector;

import java.util.Arrays;

/**
 * A LIKE pattern compiled once, at parse time, into code points and two wildcards: {@code _} (any one
 * character) and {@code %} (any sequence, including the empty one). The escape character, when
 * given, makes the character after it literal, whether that is {@code _}, {@code %}, the escape
 * itself or any other character.
 *
 * <p>Design note: matching walks the compiled array with the classic two-pointer wildcard algorithm
 * (backtracking only to the last {@code %}), so a match allocates nothing, where a
 * {@link java.util.regex.Pattern} would allocate a {@link java.util.regex.Matcher} per message. The
 * worst case is O(pattern x value); characters are whole code points, so {@code _} matches one
 * supplementary character.
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;
    private static final int NO_ESCAPE = -1;

    private final int[] elements;

    private LikePattern(int[] elements) {
        this.elements = elements;
    }

    /**
     * Compiles a pattern.
     *
     * @param pattern the decoded string literal after LIKE
     * @param escape the escape code point, or -1 for none
     * @param patternToken the pattern's token, for error positions
     * @param selector the selector text, for errors
     */
    static LikePattern compile(String pattern, int escape, Token patternToken, String selector) {
        int[] elements = new int[pattern.length()];
        int count = 0;
        int index = 0;
        while (index < pattern.length()) {
            int codePoint = pattern.codePointAt(index);
            index += Character.charCount(codePoint);
            if (escape != NO_ESCAPE && codePoint == escape) {
                if (index >= pattern.length()) {
                    throw new SelectorSyntaxException(SelectorError.INVALID_ESCAPE, null,
                            "LIKE pattern ends with its escape character", selector, patternToken.position());
                }
                int escaped = pattern.codePointAt(index);
                index += Character.charCount(escaped);
                elements[count++] = escaped;
            } else if (codePoint == '%') {
                if (count == 0 || elements[count - 1] != ANY_SEQUENCE) {
                    elements[count++] = ANY_SEQUENCE;
                }
            } else if (codePoint == '_') {
                elements[count++] = ANY_ONE;
            } else {
                elements[count++] = codePoint;
            }
        }
        return new LikePattern(Arrays.copyOf(elements, count));
    }

    /** Returns the code point a one-character ESCAPE literal names, or -1 when it is not one character. */
    static int escapeCodePoint(String escapeLiteral) {
        if (escapeLiteral.isEmpty() || escapeLiteral.codePointCount(0, escapeLiteral.length()) != 1) {
            return NO_ESCAPE;
        }
        return escapeLiteral.codePointAt(0);
    }

    /** Tells whether the whole value matches the pattern. */
    boolean matches(String value) {
        int element = 0;
        int position = 0;
        int lastSequence = -1;
        int resumeAt = 0;
        while (position < value.length()) {
            int codePoint = value.codePointAt(position);
            if (element < elements.length && elements[element] == ANY_SEQUENCE) {
                lastSequence = element++;
                resumeAt = position;
            } else if (element < elements.length
                    && (elements[element] == ANY_ONE || elements[element] == codePoint)) {
                element++;
                position += Character.charCount(codePoint);
            } else if (lastSequence >= 0) {
                element = lastSequence + 1;
                resumeAt += Character.charCount(value.codePointAt(resumeAt));
                position = resumeAt;
            } else {
                return false;
            }
        }
        while (element < elements.length && elements[element] == ANY_SEQUENCE) {
            element++;
        }
        return element == elements.length;
    }
}
