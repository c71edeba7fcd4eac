package org.cairnmq.protocol.selector;

import java.math.BigInteger;

/**
 * Computes the values of numeric literal tokens, with the sign folded in so that
 * {@code -9223372036854775808} is accepted as Java accepts it.
 *
 * <p>Design note: every exact literal is a {@link Long}, whatever its size, because the specification
 * gives exact literals the range of a Java {@code long} and integral arithmetic is done in
 * {@code long}. Hexadecimal, octal and binary literals therefore span 64 bits with or without the
 * {@code L} suffix ({@code 0xFFFFFFFF} is 4294967295, and {@code 0xFFFFFFFFFFFFFFFF} is -1 as in Java).
 * An approximate literal with an {@code F} suffix stays a {@link Float}, so that it equals a float
 * property of the same spelling after both are widened to {@code double}.
 */
final class NumericLiterals {

    private static final int LONG_BITS = 64;

    private NumericLiterals() {
    }

    /** Returns the {@link Long} value of an exact literal, negated when preceded by a unary minus. */
    static Long exact(Token token, boolean negated, String selector) {
        String digits = stripSuffix(token.text(), "lL").replace("_", "");
        int radix = 10;
        if (startsWithIgnoreCase(digits, "0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (startsWithIgnoreCase(digits, "0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            radix = 8;
            digits = digits.substring(1);
            requireOctal(digits, token, selector);
        }
        BigInteger magnitude = new BigInteger(digits, radix);
        if (radix == 10) {
            BigInteger signed = negated ? magnitude.negate() : magnitude;
            if (signed.bitLength() >= LONG_BITS) {
                throw outOfRange(token, negated, selector);
            }
            return signed.longValue();
        }
        if (magnitude.bitLength() > LONG_BITS) {
            throw outOfRange(token, negated, selector);
        }
        long bits = magnitude.longValue();
        return negated ? -bits : bits;
    }

    /** Returns the {@link Double} or {@link Float} value of an approximate literal. */
    static Number approximate(Token token, boolean negated, String selector) {
        String literal = token.text().replace("_", "");
        char suffix = literal.charAt(literal.length() - 1);
        if (suffix == 'f' || suffix == 'F') {
            float value = Float.parseFloat(literal);
            if (Float.isInfinite(value)) {
                throw outOfRange(token, negated, selector);
            }
            return negated ? -value : value;
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw outOfRange(token, negated, selector);
        }
        return negated ? -value : value;
    }

    private static void requireOctal(String digits, Token token, String selector) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) > '7') {
                throw new SelectorSyntaxException(SelectorError.INVALID_NUMBER, "'" + token.text() + "'",
                        "not an octal number", selector, token.position());
            }
        }
    }

    private static String stripSuffix(String text, String suffixes) {
        char last = text.charAt(text.length() - 1);
        return suffixes.indexOf(last) >= 0 ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static SelectorSyntaxException outOfRange(Token token, boolean negated, String selector) {
        String shown = (negated ? "-" : "") + token.text();
        return new SelectorSyntaxException(SelectorError.NUMBER_OUT_OF_RANGE, "'" + shown + "'", null, selector,
                token.position());
    }
}
