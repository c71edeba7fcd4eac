package org.cairnmq.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import javax.naming.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CairnConnectionFactoryTest {

    @Test
    void shouldSurviveSerialization() throws Exception {
        final CairnConnectionFactory factory = new CairnConnectionFactory("cairn://ns:1234?prefetch=7");

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        final Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isEqualTo(factory);
        assertThat(((CairnConnectionFactory) copy).config().prefetch()).isEqualTo(7);
    }

    @Test
    void shouldBeRebuiltFromItsReference() throws Exception {
        final CairnConnectionFactory factory = new CairnConnectionFactory("cairn://a:1,b:2?user=u");
        final Reference reference = factory.getReference();

        final Object rebuilt = new CairnConnectionFactoryObjectFactory().getObjectInstance(reference, null, null, null);

        assertThat(rebuilt).isEqualTo(factory);
        assertThat(reference.getFactoryClassName()).isEqualTo(CairnConnectionFactoryObjectFactory.class.getName());
    }

    @Test
    void shouldIgnoreAReferenceToSomethingElse() throws Exception {
        final Reference other = new Reference("com.example.Other");

        assertThat(new CairnConnectionFactoryObjectFactory().getObjectInstance(other, null, null, null)).isNull();
    }

    @Test
    void shouldRejectAnInvalidUrlAtConstruction() {
        assertThatThrownBy(() -> new CairnConnectionFactory("http://x:1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDefaultToALocalNameServer() {
        assertThat(new CairnConnectionFactory().config().addresses()).containsExactly("localhost:9876");
    }

    @Test
    void shouldFailToConnectWithAJmsExceptionWhenNoNameServerListens() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        final CairnConnectionFactory factory =
            new CairnConnectionFactory("cairn://127.0.0.1:" + closedPort + "?connectTimeoutMs=500");

        assertThatThrownBy(factory::createConnection).isInstanceOf(JMSException.class);
    }

    @Test
    void shouldFailCreateContextWithAnUncheckedExceptionWhenNoNameServerAnswers() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        final CairnConnectionFactory factory =
            new CairnConnectionFactory("cairn://127.0.0.1:" + closedPort + "?connectTimeoutMs=500");

        assertThatThrownBy(factory::createContext).isInstanceOf(JMSRuntimeException.class);
    }
}
