package org.cairnmq.protocol.selector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a selector into tokens.
 *
 * <p>Whitespace is Java's: space, horizontal tab, form feed, and the line terminators CR and LF.
 * Identifiers follow {@link Character#isJavaIdentifierStart} and {@link Character#isJavaIdentifierPart}
 * over code points; string literals are single-quoted with {@code ''} standing for one quote. Numbers
 * are scanned by {@link NumberScanner}.
 */
final class Lexer {

    private final String text;
    private int position;

    Lexer(String text) {
        this.text = text;
    }

    /** Returns every token of the selector, ending with one {@link TokenType#END} token. */
    List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= text.length()) {
                tokens.add(new Token(TokenType.END, position, "", ""));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
    }

    private Token next() {
        char c = text.charAt(position);
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || (c == '.' && position + 1 < text.length() && isDigit(text.charAt(position + 1)))) {
            Token number = new NumberScanner(text, position).scan();
            position += number.text().length();
            return number;
        }
        int codePoint = text.codePointAt(position);
        if (Character.isJavaIdentifierStart(codePoint)) {
            return word();
        }
        return operator(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token string() {
        int start = position;
        StringBuilder value = new StringBuilder();
        int index = start + 1;
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == '\'') {
                if (index + 1 < text.length() && text.charAt(index + 1) == '\'') {
                    value.append('\'');
                    index += 2;
                    continue;
                }
                position = index + 1;
                return new Token(TokenType.STRING, start, text.substring(start, position), value.toString());
            }
            value.append(c);
            index++;
        }
        throw new SelectorSyntaxException(SelectorError.UNTERMINATED_STRING, null, null, text, start);
    }

    private Token word() {
        int start = position;
        position += Character.charCount(text.codePointAt(position));
        while (position < text.length()) {
            int codePoint = text.codePointAt(position);
            if (!Character.isJavaIdentifierPart(codePoint)) {
                break;
            }
            position += Character.charCount(codePoint);
        }
        String word = text.substring(start, position);
        return new Token(TokenType.wordType(word), start, word, word);
    }

    private Token operator(char c) {
        char following = position + 1 < text.length() ? text.charAt(position + 1) : 0;
        switch (c) {
            case '(':
                return symbol(TokenType.LEFT_PAREN, 1);
            case ')':
                return symbol(TokenType.RIGHT_PAREN, 1);
            case ',':
                return symbol(TokenType.COMMA, 1);
            case '+':
                return symbol(TokenType.PLUS, 1);
            case '-':
                return symbol(TokenType.MINUS, 1);
            case '*':
                return symbol(TokenType.STAR, 1);
            case '/':
                return symbol(TokenType.SLASH, 1);
            case '=':
                return symbol(TokenType.EQUAL, 1);
            case '<':
                if (following == '>') {
                    return symbol(TokenType.NOT_EQUAL, 2);
                }
                return following == '=' ? symbol(TokenType.LESS_OR_EQUAL, 2) : symbol(TokenType.LESS, 1);
            case '>':
                return following == '=' ? symbol(TokenType.GREATER_OR_EQUAL, 2) : symbol(TokenType.GREATER, 1);
            default:
                String shown = new String(Character.toChars(text.codePointAt(position)));
                throw new SelectorSyntaxException(SelectorError.UNEXPECTED_CHARACTER, "'" + shown + "'", null,
                        text, position);
        }
    }

    private Token symbol(TokenType type, int length) {
        int start = position;
        position += length;
        String symbol = text.substring(start, position);
        return new Token(type, start, symbol, symbol);
    }
}
