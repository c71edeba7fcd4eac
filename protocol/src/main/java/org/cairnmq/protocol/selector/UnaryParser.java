package org.cairnmq.protocol.selector;

/**
 * The innermost levels of the grammar for {@link Parser}: unary signs and primaries (literals,
 * identifiers, parenthesized expressions).
 *
 * <p>A sign directly before a numeric literal is folded into the literal, so that {@code -5} is a
 * constant and {@code -9223372036854775808} fits a {@code long}.
 */
final class UnaryParser {

    private final Parser parser;

    UnaryParser(Parser parser) {
        this.parser = parser;
    }

    Expression unary() {
        Token sign = parser.peek();
        if (sign.type() != TokenType.PLUS && sign.type() != TokenType.MINUS) {
            return primary();
        }
        parser.advance();
        boolean negate = sign.type() == TokenType.MINUS;
        Token next = parser.peek();
        if (next.type() == TokenType.EXACT_NUMBER) {
            parser.advance();
            return Literal.ofNumber(NumericLiterals.exact(next, negate, parser.selector()));
        }
        if (next.type() == TokenType.APPROXIMATE_NUMBER) {
            parser.advance();
            return Literal.ofNumber(NumericLiterals.approximate(next, negate, parser.selector()));
        }
        parser.enter(sign);
        Expression operand = unary();
        parser.leave();
        parser.requireNumeric(operand, next.position(), sign.text());
        if (operand instanceof Literal) {
            return Literal.ofNumber(negate ? negateLiteral((Number) ((Literal) operand).value())
                    : (Number) ((Literal) operand).value());
        }
        return parser.bounded(new UnaryArithmetic(negate, operand), sign.position());
    }

    private static Number negateLiteral(Number value) {
        if (value instanceof Long) {
            return -value.longValue();
        }
        if (value instanceof Float) {
            return -value.floatValue();
        }
        return -value.doubleValue();
    }

    private Expression primary() {
        Token token = parser.peek();
        switch (token.type()) {
            case STRING:
                parser.advance();
                return Literal.ofString(token.value());
            case EXACT_NUMBER:
                parser.advance();
                return Literal.ofNumber(NumericLiterals.exact(token, false, parser.selector()));
            case APPROXIMATE_NUMBER:
                parser.advance();
                return Literal.ofNumber(NumericLiterals.approximate(token, false, parser.selector()));
            case TRUE:
                parser.advance();
                return BooleanLiteral.TRUE;
            case FALSE:
                parser.advance();
                return BooleanLiteral.FALSE;
            case IDENTIFIER:
                parser.advance();
                return new Identifier(token.value());
            case LEFT_PAREN:
                parser.advance();
                return parser.parenthesized(token);
            case NULL:
                throw new SelectorSyntaxException(SelectorError.MISPLACED_NULL, null, null, parser.selector(),
                        token.position());
            default:
                throw notAnOperand(token);
        }
    }

    private SelectorSyntaxException notAnOperand(Token token) {
        if (token.type().isReservedWord()) {
            return new SelectorSyntaxException(SelectorError.RESERVED_WORD, "'" + token.text() + "'",
                    "reserved words cannot be used as identifiers", parser.selector(), token.position());
        }
        return parser.unexpected(token, "expected an identifier, a literal or '('");
    }
}
