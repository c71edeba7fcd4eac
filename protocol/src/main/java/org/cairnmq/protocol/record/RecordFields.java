package org.cairnmq.protocol.record;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain values of one record, as {@link MessageRecordWriter} collects them and
 * {@link RecordEncoder} writes them. Owned by the writer's thread.
 */
final class RecordFields {

    /** JMS default priority. */
    static final int DEFAULT_PRIORITY = 4;

    final List<String> propertyNames = new ArrayList<>();
    final List<Object> propertyValues = new ArrayList<>();
    boolean persistent;
    int priority;
    int deliveryCount;
    long timestamp;
    long expiration;
    long deliveryTime;
    String messageId;
    DestinationKind destinationKind;
    String destinationName;
    Object correlationId;
    DestinationKind replyToKind;
    String replyToName;
    String type;
    BodyType bodyType;
    Object body;

    void reset() {
        propertyNames.clear();
        propertyValues.clear();
        persistent = false;
        priority = DEFAULT_PRIORITY;
        deliveryCount = 0;
        timestamp = 0;
        expiration = 0;
        deliveryTime = 0;
        messageId = null;
        destinationKind = null;
        destinationName = null;
        correlationId = null;
        replyToKind = null;
        replyToName = null;
        type = null;
        bodyType = BodyType.MESSAGE;
        body = null;
    }
}
