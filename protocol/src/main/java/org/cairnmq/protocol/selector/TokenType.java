package org.cairnmq.protocol.selector;

/** The kinds of token a selector is made of. Reserved words carry their spelling. */
enum TokenType {
    IDENTIFIER,
    STRING,
    EXACT_NUMBER,
    APPROXIMATE_NUMBER,
    TRUE("TRUE"),
    FALSE("FALSE"),
    NULL("NULL"),
    NOT("NOT"),
    AND("AND"),
    OR("OR"),
    BETWEEN("BETWEEN"),
    LIKE("LIKE"),
    IN("IN"),
    IS("IS"),
    ESCAPE("ESCAPE"),
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    EQUAL,
    NOT_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    END;

    private static final TokenType[] RESERVED = {
        TRUE, FALSE, NULL, NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE
    };

    private final String reservedWord;

    TokenType() {
        this(null);
    }

    TokenType(String reservedWord) {
        this.reservedWord = reservedWord;
    }

    boolean isReservedWord() {
        return reservedWord != null;
    }

    /**
     * Returns the reserved word spelled by {@code word}, or {@link #IDENTIFIER}.
     *
     * <p>Design note: the match ignores case for ASCII letters only. {@link String#equalsIgnoreCase}
     * would also fold non-ASCII letters, making the identifier {@code ın} (dotless i) the keyword
     * {@code IN}.
     */
    static TokenType wordType(String word) {
        for (TokenType type : RESERVED) {
            if (asciiEqualsIgnoreCase(type.reservedWord, word)) {
                return type;
            }
        }
        return IDENTIFIER;
    }

    private static boolean asciiEqualsIgnoreCase(String upper, String word) {
        if (upper.length() != word.length()) {
            return false;
        }
        for (int i = 0; i < upper.length(); i++) {
            char c = word.charAt(i);
            char folded = c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
            if (folded != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
