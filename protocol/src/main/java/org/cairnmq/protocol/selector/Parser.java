package org.cairnmq.protocol.selector;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the grammar of section 3.8.1.1, one method per precedence level,
 * loosest first:
 *
 * <pre>
 * selector       = or END
 * or             = and { OR and }
 * and            = not { AND not }
 * not            = NOT not | predicate
 * predicate      = additive [ ( = | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;= ) additive
 *                           | [NOT] BETWEEN additive AND additive
 *                           | [NOT] IN ( string { , string } )
 *                           | [NOT] LIKE string [ ESCAPE string ]
 *                           | IS [NOT] NULL ]
 * additive       = multiplicative { ( + | - ) multiplicative }
 * multiplicative = unary { ( * | / ) unary }
 * unary          = ( + | - ) unary | primary
 * primary        = string | number | TRUE | FALSE | identifier | ( or )
 * </pre>
 *
 * <p>Besides syntax, the parser rejects what can never be meaningful whatever the message holds: a
 * string or boolean literal in arithmetic, in {@code < <= > >=} or in BETWEEN; anything but an
 * identifier (possibly parenthesized) before LIKE, IN and IS NULL; and a selector, or an operand of AND, OR and NOT, that is
 * an arithmetic expression or a literal other than TRUE and FALSE ({@code 3 + 4}, {@code 'abc'}). A
 * bare identifier is a valid condition and holds when the message's value is Boolean TRUE.
 * Comparisons of a literal with a literal of another type ({@code 'a' = 1}) stay legal and are FALSE,
 * as the specification defines them.
 */
final class Parser {

    /**
     * The deepest nesting of parentheses, NOT and signs. Design note: parsing and evaluation recurse,
     * and a selector arrives from a client; bounding the recursion turns a hostile selector into a
     * syntax error instead of a {@link StackOverflowError} on a broker thread. AND and OR chains are
     * flat nodes and do not count.
     */
    static final int MAX_NESTING = 100;

    /** The deepest evaluator tree, which bounds long arithmetic chains such as {@code a+a+a+...}. */
    static final int MAX_DEPTH = 200;

    private final String selector;
    private final List<Token> tokens;
    private final UnaryParser operands;
    private int index;
    private int nesting;

    private Parser(String selector) {
        this.selector = selector;
        this.tokens = new Lexer(selector).tokenize();
        this.operands = new UnaryParser(this);
    }

    /** Parses a selector into the condition that decides whether a message matches. */
    static Condition parse(String selector) {
        Parser parser = new Parser(selector);
        int start = parser.peek().position();
        Expression expression = parser.or();
        if (parser.peek().type() != TokenType.END) {
            throw parser.unexpected(parser.peek(), "expected end of selector");
        }
        return parser.condition(expression, start);
    }

    private Expression or() {
        int start = peek().position();
        Expression first = and();
        if (peek().type() != TokenType.OR) {
            return first;
        }
        List<Condition> operands = new ArrayList<>();
        operands.add(condition(first, start));
        while (accept(TokenType.OR)) {
            int operandStart = peek().position();
            operands.add(condition(and(), operandStart));
        }
        return bounded(new Or(operands), start);
    }

    private Expression and() {
        int start = peek().position();
        Expression first = not();
        if (peek().type() != TokenType.AND) {
            return first;
        }
        List<Condition> operands = new ArrayList<>();
        operands.add(condition(first, start));
        while (accept(TokenType.AND)) {
            int operandStart = peek().position();
            operands.add(condition(not(), operandStart));
        }
        return bounded(new And(operands), start);
    }

    private Expression not() {
        Token notToken = peek();
        if (!accept(TokenType.NOT)) {
            return predicate();
        }
        int start = peek().position();
        enter(notToken);
        Expression operand = not();
        leave();
        return bounded(new Not(condition(operand, start)), notToken.position());
    }

    private Expression predicate() {
        int start = peek().position();
        Expression left = additive();
        Token token = peek();
        ComparisonOperator comparison = comparisonOperator(token.type());
        if (comparison != null) {
            advance();
            int rightStart = peek().position();
            Expression right = additive();
            if (!comparison.isEquality()) {
                requireOrderable(left, start, comparison.symbol());
                requireOrderable(right, rightStart, comparison.symbol());
            }
            return bounded(new Comparison(comparison, left, right), start);
        }
        boolean negated = token.type() == TokenType.NOT && isNegatableOperator(peekAt(1).type());
        if (negated) {
            advance();
        }
        switch (peek().type()) {
            case BETWEEN:
                return between(left, start, negated);
            case IN:
                return in(identifier(left, start, "IN"), negated);
            case LIKE:
                return like(identifier(left, start, "LIKE"), negated);
            case IS:
                return isNull(identifier(left, start, "IS NULL"));
            default:
                return left;
        }
    }

    private Condition between(Expression value, int start, boolean negated) {
        expect(TokenType.BETWEEN, "BETWEEN");
        requireOrderable(value, start, "BETWEEN");
        int lowStart = peek().position();
        Expression low = additive();
        requireOrderable(low, lowStart, "BETWEEN");
        expect(TokenType.AND, "AND");
        int highStart = peek().position();
        Expression high = additive();
        requireOrderable(high, highStart, "BETWEEN");
        return bounded(new Between(value, low, high, negated), start);
    }

    private Condition in(Identifier identifier, boolean negated) {
        expect(TokenType.IN, "IN");
        expect(TokenType.LEFT_PAREN, "'('");
        List<String> strings = new ArrayList<>();
        do {
            strings.add(expect(TokenType.STRING, "a string literal").value());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RIGHT_PAREN, "',' or ')'");
        return new InList(identifier, strings, negated);
    }

    private Condition like(Identifier identifier, boolean negated) {
        expect(TokenType.LIKE, "LIKE");
        Token pattern = expect(TokenType.STRING, "a string literal");
        int escape = -1;
        if (accept(TokenType.ESCAPE)) {
            Token escapeToken = expect(TokenType.STRING, "a string literal");
            escape = LikePattern.escapeCodePoint(escapeToken.value());
            if (escape < 0) {
                throw new SelectorSyntaxException(SelectorError.INVALID_ESCAPE, escapeToken.text(),
                        "the escape must be a single character", selector, escapeToken.position());
            }
        }
        return new Like(identifier, LikePattern.compile(pattern.value(), escape, pattern, selector), negated);
    }

    private Condition isNull(Identifier identifier) {
        expect(TokenType.IS, "IS");
        boolean negated = accept(TokenType.NOT);
        expect(TokenType.NULL, "NULL");
        return new IsNull(identifier, negated);
    }

    private Expression additive() {
        int start = peek().position();
        Expression left = multiplicative();
        while (peek().type() == TokenType.PLUS || peek().type() == TokenType.MINUS) {
            ArithmeticOperator operator = advance().type() == TokenType.PLUS
                    ? ArithmeticOperator.ADD : ArithmeticOperator.SUBTRACT;
            left = arithmetic(operator, left, start);
        }
        return left;
    }

    private Expression multiplicative() {
        int start = peek().position();
        Expression left = operands.unary();
        while (peek().type() == TokenType.STAR || peek().type() == TokenType.SLASH) {
            ArithmeticOperator operator = advance().type() == TokenType.STAR
                    ? ArithmeticOperator.MULTIPLY : ArithmeticOperator.DIVIDE;
            left = arithmetic(operator, left, start);
        }
        return left;
    }

    private Expression arithmetic(ArithmeticOperator operator, Expression left, int leftStart) {
        requireNumeric(left, leftStart, operator.symbol());
        int rightStart = peek().position();
        Expression right = operator == ArithmeticOperator.ADD || operator == ArithmeticOperator.SUBTRACT
                ? multiplicative() : operands.unary();
        requireNumeric(right, rightStart, operator.symbol());
        return bounded(new Arithmetic(operator, left, right), leftStart);
    }

    /** Parses a parenthesized expression; called by {@link UnaryParser} after its '('. */
    Expression parenthesized(Token open) {
        enter(open);
        Expression inner = or();
        expect(TokenType.RIGHT_PAREN, "')'");
        leave();
        return inner;
    }

    /** Enters one level of parser recursion (parenthesis, NOT, sign), failing past the limit. */
    void enter(Token token) {
        nesting++;
        if (nesting > MAX_NESTING) {
            throw new SelectorSyntaxException(SelectorError.TOO_DEEP, null,
                    "more than " + MAX_NESTING + " nested parentheses, NOT or signs", selector, token.position());
        }
    }

    void leave() {
        nesting--;
    }

    /** Returns the node, failing when the tree under it is deeper than evaluation allows. */
    <T extends Expression> T bounded(T node, int start) {
        if (node.depth() > MAX_DEPTH) {
            throw new SelectorSyntaxException(SelectorError.TOO_DEEP, null,
                    "expression tree deeper than " + MAX_DEPTH + " levels", selector, start);
        }
        return node;
    }

    Condition condition(Expression expression, int start) {
        if (expression instanceof Condition) {
            return (Condition) expression;
        }
        if (expression instanceof Identifier) {
            return new IdentifierCondition((Identifier) expression);
        }
        throw new SelectorSyntaxException(SelectorError.NOT_A_CONDITION, null,
                "a selector must be a condition, such as a comparison", selector, start);
    }

    private Identifier identifier(Expression expression, int start, String operator) {
        if (expression instanceof Identifier) {
            return (Identifier) expression;
        }
        throw new SelectorSyntaxException(SelectorError.IDENTIFIER_REQUIRED, null,
                "the left side of " + operator + " must be an identifier", selector, start);
    }

    void requireNumeric(Expression operand, int start, String operator) {
        if (operand.type() == ValueType.STRING || operand.type() == ValueType.BOOLEAN) {
            throw new SelectorSyntaxException(SelectorError.TYPE_MISMATCH, null,
                    describe(operand.type()) + " cannot be an operand of arithmetic '" + operator + "'",
                    selector, start);
        }
    }

    private void requireOrderable(Expression operand, int start, String operator) {
        if (operand.type() == ValueType.STRING || operand.type() == ValueType.BOOLEAN) {
            throw new SelectorSyntaxException(SelectorError.TYPE_MISMATCH, null,
                    describe(operand.type()) + " cannot be an operand of " + operator
                            + "; strings and booleans allow only = and <>", selector, start);
        }
    }

    private static String describe(ValueType type) {
        return type == ValueType.STRING ? "a string" : "a boolean";
    }

    private static ComparisonOperator comparisonOperator(TokenType type) {
        switch (type) {
            case EQUAL:
                return ComparisonOperator.EQUAL;
            case NOT_EQUAL:
                return ComparisonOperator.NOT_EQUAL;
            case LESS:
                return ComparisonOperator.LESS;
            case LESS_OR_EQUAL:
                return ComparisonOperator.LESS_OR_EQUAL;
            case GREATER:
                return ComparisonOperator.GREATER;
            case GREATER_OR_EQUAL:
                return ComparisonOperator.GREATER_OR_EQUAL;
            default:
                return null;
        }
    }

    private static boolean isNegatableOperator(TokenType type) {
        return type == TokenType.BETWEEN || type == TokenType.IN || type == TokenType.LIKE;
    }

    String selector() {
        return selector;
    }

    Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int offset) {
        return tokens.get(Math.min(index + offset, tokens.size() - 1));
    }

    Token advance() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.END) {
            index++;
        }
        return token;
    }

    boolean accept(TokenType type) {
        if (peek().type() == type) {
            index++;
            return true;
        }
        return false;
    }

    Token expect(TokenType type, String expected) {
        Token token = peek();
        if (token.type() != type) {
            throw unexpected(token, "expected " + expected);
        }
        return advance();
    }

    SelectorSyntaxException unexpected(Token token, String detail) {
        if (token.type() == TokenType.END) {
            return new SelectorSyntaxException(SelectorError.UNEXPECTED_END, null, detail, selector,
                    token.position());
        }
        return new SelectorSyntaxException(SelectorError.UNEXPECTED_TOKEN, token.describe(), detail, selector,
                token.position());
    }
}
