package org.cairnmq.jms.message;

/**
 * The naming rule for message properties: a property name is a non-empty Java identifier.
 */
public final class PropertyNames {

    /** The name of the mandatory delivery-count property the provider sets on receive. */
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";

    /** The message-group property clients set to group messages. */
    public static final String JMSX_GROUP_ID = "JMSXGroupID";

    /** The sequence number of a message within its group. */
    public static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";

    private PropertyNames() {
    }

    /**
     * Checks a property name.
     *
     * @param name the name to check
     * <p>Design note: a selector keyword ({@code true}, {@code NOT}, ...) is accepted as a name. The
     * specification asks applications to use selector identifiers, but only requires a provider to
     * reject null and empty names, and conformance suites set such properties (Joram's
     * {@code testBoolean2Long} sets one named {@code "true"}); a selector simply cannot name it.
     *
     * @throws IllegalArgumentException if the name is null, empty or not a Java identifier
     */
    public static void validate(String name) {
        if (name == null || name.isEmpty()) {
            throw MessageErrors.invalidName("property", name, "a name must not be null or empty");
        }
        if (!isJavaIdentifier(name)) {
            throw MessageErrors.invalidName("property", name, "a name must be a Java identifier");
        }
    }

    private static boolean isJavaIdentifier(String name) {
        int first = name.codePointAt(0);
        if (!Character.isJavaIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
