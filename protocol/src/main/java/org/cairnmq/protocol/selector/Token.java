package org.cairnmq.protocol.selector;

/**
 * One token of a selector.
 *
 * @param type what kind of token this is
 * @param position the 0-based offset of its first character in the selector
 * @param text the token as written in the selector
 * @param value the decoded content of a string literal; the text for every other token
 */
record Token(TokenType type, int position, String text, String value) {

    /** Describes the token for an error message. */
    String describe() {
        switch (type) {
            case END:
                return "end of selector";
            case STRING:
                return "string literal " + text;
            default:
                return "'" + text + "'";
        }
    }
}
