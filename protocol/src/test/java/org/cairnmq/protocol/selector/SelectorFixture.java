package org.cairnmq.protocol.selector;

import java.util.HashMap;
import java.util.Map;

/**
 * One message's header fields and properties, shared by the table-driven selector tests, and the
 * three-valued reading of a selector against it.
 */
final class SelectorFixture {

    /** The message every table row is evaluated against. */
    static final Map<String, Object> MESSAGE = message();

    /** Reads {@link #MESSAGE} the way a record-backed source would. */
    static final PropertySource SOURCE = MESSAGE::get;

    private SelectorFixture() {
    }

    /**
     * Returns "TRUE", "FALSE" or "UNKNOWN" for a selector over {@link #MESSAGE}, using only the public
     * API: a selector is TRUE when it matches, FALSE when its negation matches, and UNKNOWN when
     * neither does (table 3-6: NOT UNKNOWN is UNKNOWN).
     */
    static String truthOf(String selector) {
        if (Selector.compile(selector).matches(SOURCE)) {
            return "TRUE";
        }
        return Selector.compile("NOT (" + selector + ")").matches(SOURCE) ? "FALSE" : "UNKNOWN";
    }

    private static Map<String, Object> message() {
        Map<String, Object> message = new HashMap<>();
        headers(message);
        numbers(message);
        strings(message);
        message.put("flag", Boolean.TRUE);
        message.put("off", Boolean.FALSE);
        message.put("odd", 'x');
        return Map.copyOf(message);
    }

    private static void headers(Map<String, Object> message) {
        message.put("JMSType", "car");
        message.put("JMSDeliveryMode", "PERSISTENT");
        message.put("JMSPriority", 7);
        message.put("JMSMessageID", "ID:42");
        message.put("JMSTimestamp", 1000L);
        message.put("JMSExpiration", 5L);
        message.put("JMSRedelivered", Boolean.TRUE);
        message.put("JMSDestination", "queue://orders");
        message.put("JMSXGroupID", "g1");
        message.put("JMSXDeliveryCount", 2);
        message.put("JMS_cairn_region", "eu");
    }

    private static void numbers(Map<String, Object> message) {
        message.put("age", 17);
        message.put("weight", 2600L);
        message.put("price", 9.5d);
        message.put("ratio", 1.1f);
        message.put("b", (byte) 3);
        message.put("s", (short) 300);
        message.put("zero", 0);
        message.put("dzero", 0.0d);
        message.put("nan", Double.NaN);
        message.put("big", Long.MAX_VALUE);
        message.put("$dollar", 1);
        message.put("_under", 2);
        message.put("gr\u00f6\u00dfe", 5);
    }

    private static void strings(Map<String, Object> message) {
        message.put("color", "blue");
        message.put("Color", "red");
        message.put("NumberOfOrders", "2");
        message.put("quote", "it's");
        message.put("empty", "");
        message.put("phone1", "123");
        message.put("phone2", "12993");
        message.put("phone3", "1234");
        message.put("word1", "lose");
        message.put("word2", "loose");
        message.put("under1", "_foo");
        message.put("under2", "bar");
        message.put("pct", "100%");
        message.put("bang", "a!b");
        message.put("country", "UK");
        message.put("country2", "Peru");
        message.put("accent", "h\u00e9llo");
        message.put("emoji", "a\ud83d\ude00b");
        message.put("brackets", "[a]*");
        message.put("lines", "a\nb");
        message.put("as", "aaaaab");
    }
}
