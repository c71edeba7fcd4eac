package org.cairnmq.protocol.selector;

/**
 * Scans one numeric literal in Java literal syntax, as the specification asks.
 *
 * <p>Exact literals: decimal, octal ({@code 017}), hexadecimal ({@code 0x1F}) and binary
 * ({@code 0b101}), with an optional {@code L} suffix. Approximate literals: {@code 7.}, {@code .5},
 * {@code 95.7}, {@code 7E3}, {@code 5.9e-2}, with an optional {@code F} or {@code D} suffix; a digit
 * without a point or exponent but with {@code F} or {@code D} ({@code 7d}) is approximate too.
 * Underscores may separate digits ({@code 1_000}). Hexadecimal floating-point literals are not
 * supported. The scanner only finds the extent and kind; {@link NumericLiterals} computes the value.
 */
final class NumberScanner {

    private final String text;
    private final int start;
    private int position;

    NumberScanner(String text, int start) {
        this.text = text;
        this.start = start;
        this.position = start;
    }

    /** Scans the literal starting at the given position. */
    Token scan() {
        TokenType type = scanBody();
        if (position < text.length()) {
            char c = text.charAt(position);
            if (c == '.' || Character.isJavaIdentifierPart(text.codePointAt(position))) {
                throw invalid();
            }
        }
        String literal = text.substring(start, position);
        return new Token(type, start, literal, literal);
    }

    private TokenType scanBody() {
        if (peek() == '0' && (peekAt(1) == 'x' || peekAt(1) == 'X')) {
            position += 2;
            digits(16);
            acceptAny("lL");
            return TokenType.EXACT_NUMBER;
        }
        if (peek() == '0' && (peekAt(1) == 'b' || peekAt(1) == 'B')) {
            position += 2;
            digits(2);
            acceptAny("lL");
            return TokenType.EXACT_NUMBER;
        }
        if (peek() == '.') {
            position++;
            digits(10);
            return approximateTail();
        }
        digits(10);
        if (peek() == '.') {
            position++;
            if (digitValue(peek(), 10) >= 0) {
                digits(10);
            }
            return approximateTail();
        }
        if (peek() == 'e' || peek() == 'E' || peek() == 'f' || peek() == 'F' || peek() == 'd' || peek() == 'D') {
            return approximateTail();
        }
        acceptAny("lL");
        return TokenType.EXACT_NUMBER;
    }

    private TokenType approximateTail() {
        if (acceptAny("eE")) {
            acceptAny("+-");
            digits(10);
        }
        acceptAny("fFdD");
        return TokenType.APPROXIMATE_NUMBER;
    }

    /** Consumes digits of the radix separated by underscores; at least one, not ending in one. */
    private void digits(int radix) {
        if (digitValue(peek(), radix) < 0) {
            throw invalid();
        }
        char last = 0;
        while (position < text.length() && (digitValue(peek(), radix) >= 0 || peek() == '_')) {
            last = peek();
            position++;
        }
        if (last == '_') {
            throw invalid();
        }
    }

    /**
     * Returns the value of an ASCII digit in the radix, or -1. Unlike {@link Character#digit} it does
     * not accept other scripts' digits, which Java literals do not allow either.
     */
    static int digitValue(char c, int radix) {
        int value;
        if (c >= '0' && c <= '9') {
            value = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            value = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            value = c - 'A' + 10;
        } else {
            return -1;
        }
        return value < radix ? value : -1;
    }

    private boolean acceptAny(String characters) {
        if (position < text.length() && characters.indexOf(peek()) >= 0) {
            position++;
            return true;
        }
        return false;
    }

    private char peek() {
        return peekAt(0);
    }

    private char peekAt(int offset) {
        int index = position + offset;
        return index < text.length() ? text.charAt(index) : 0;
    }

    private SelectorSyntaxException invalid() {
        int end = position;
        while (end < text.length() && (text.charAt(end) == '.'
                || Character.isJavaIdentifierPart(text.charAt(end)))) {
            end++;
        }
        return new SelectorSyntaxException(SelectorError.INVALID_NUMBER, "'" + text.substring(start, end) + "'",
                null, text, start);
    }
}
