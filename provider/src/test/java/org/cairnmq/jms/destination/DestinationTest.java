package org.cairnmq.jms.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.naming.Reference;
import javax.naming.StringRefAddr;

import org.cairnmq.protocol.record.DestinationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DestinationTest {

    static List<CairnDestination> everyKind() {
        return List.of(new CairnQueue("orders"), new CairnTopic("prices"),
            new CairnTemporaryQueue("tmp-q", d -> { }), new CairnTemporaryTopic("tmp-t", d -> { }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void shouldSurviveJavaSerializationAsAnEqualDestination(CairnDestination destination) throws Exception {
        CairnDestination copy = deserialize(serialize(destination));

        assertThat(copy).isNotSameAs(destination).isEqualTo(destination).hasSameClassAs(destination);
        assertThat(copy.hashCode()).isEqualTo(destination.hashCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void shouldRebuildAnEqualDestinationFromItsReference(CairnDestination destination) throws Exception {
        Reference reference = destination.getReference();

        Object rebuilt = new CairnDestinationObjectFactory().getObjectInstance(reference, null, null, null);

        assertThat(reference.getFactoryClassName()).isEqualTo(CairnDestinationObjectFactory.class.getName());
        assertThat(rebuilt).isEqualTo(destination).hasSameClassAs(destination);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void shouldBeBuiltFromItsWireKindAndName(CairnDestination destination) {
        assertThat(CairnDestination.of(destination.kind(), destination.name())).isEqualTo(destination);
    }

    @Test
    void shouldLeaveForeignReferencesToOtherFactories() throws Exception {
        CairnDestinationObjectFactory factory = new CairnDestinationObjectFactory();
        Reference foreign = new Reference("com.example.Queue", new StringRefAddr("name", "x"));
        Reference unnamed = new Reference(CairnQueue.class.getName());

        assertThat(factory.getObjectInstance(foreign, null, null, null)).isNull();
        assertThat(factory.getObjectInstance(unnamed, null, null, null)).isNull();
        assertThat(factory.getObjectInstance("not a reference", null, null, null)).isNull();
    }

    @Test
    void shouldTellQueuesAndTopicsOfTheSameNameApart() {
        assertThat(new CairnQueue("same")).isNotEqualTo(new CairnTopic("same"));
        assertThat(new CairnQueue("same")).isNotEqualTo(new CairnTemporaryQueue("same", null));
        assertThat(new CairnQueue("same")).isEqualTo(new CairnQueue("same"));
        assertThat(new CairnQueue("a")).isNotEqualTo(new CairnQueue("b"));
    }

    @Test
    void shouldExposeTheNameThroughTheJmsAccessorsAndToString() throws JMSException {
        assertThat(new CairnQueue("orders").getQueueName()).isEqualTo("orders");
        assertThat(new CairnTopic("prices").getTopicName()).isEqualTo("prices");
        assertThat(new CairnQueue("orders")).hasToString("CairnQueue[orders]");
        assertThat(new CairnTemporaryTopic("t", null).kind()).isEqualTo(DestinationKind.TEMP_TOPIC);
    }

    @Test
    void shouldDeleteATemporaryDestinationThroughItsConnection() throws JMSException {
        List<CairnDestination> deleted = new ArrayList<>();
        CairnTemporaryQueue queue = new CairnTemporaryQueue("tq", deleted::add);
        CairnTemporaryTopic topic = new CairnTemporaryTopic("tt", deleted::add);

        queue.delete();
        topic.delete();

        assertThat(deleted).containsExactly(queue, topic);
    }

    @Test
    void shouldRefuseToDeleteACopyThatHasNoConnection() throws Exception {
        CairnTemporaryQueue owned = new CairnTemporaryQueue("tq", d -> { });
        CairnTemporaryQueue copy = (CairnTemporaryQueue) deserialize(serialize(owned));

        assertThatThrownBy(copy::delete).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> new CairnTemporaryTopic("tt", null).delete())
            .isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void shouldRejectAnUnknownWireKind() {
        assertThatThrownBy(() -> CairnDestination.of(DestinationKind.UNKNOWN, "x"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static CairnDestination deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (CairnDestination) in.readObject();
        }
    }
}
