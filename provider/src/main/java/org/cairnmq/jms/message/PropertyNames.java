package org.cairnmq.jms.message;

import java.util.Locale;
import java.util.Set;

/**
 * The naming rule for message properties: a property name must be usable as a message selector
 * identifier, so it is a Java identifier that is none of the selector's reserved words.
 */
public final class PropertyNames {

    /** The name of the mandatory delivery-count property the provider sets on receive. */
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";

    /** The message-group property clients set to group messages. */
    public static final String JMSX_GROUP_ID = "JMSXGroupID";

    /** The sequence number of a message within its group. */
    public static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";

    private static final Set<String> RESERVED_WORDS = Set.of(
        "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private PropertyNames() {
    }

    /**
     * Checks a property name.
     *
     * @param name the name to check
     * @throws IllegalArgumentException if the name is null, empty, not a Java identifier, or a
     *     selector reserved word (compared without regard to case, as the selector grammar does)
     */
    public static void validate(String name) {
        if (name == null || name.isEmpty()) {
            throw MessageErrors.invalidName("property", name, "a name must not be null or empty");
        }
        if (!isJavaIdentifier(name)) {
            throw MessageErrors.invalidName("property", name, "a name must be a Java identifier");
        }
        if (RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw MessageErrors.invalidName("property", name, "a name must not be a selector keyword");
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
