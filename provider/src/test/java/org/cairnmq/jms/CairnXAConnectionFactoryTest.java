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
class CairnXAConnectionFactoryTest {

    @Test
    void shouldBeRebuiltFromItsReferenceAsAnXaFactory() throws Exception {
        final CairnXAConnectionFactory factory = new CairnXAConnectionFactory("cairn://a:1?prefetch=3");
        final Reference reference = factory.getReference();

        final Object rebuilt = new CairnConnectionFactoryObjectFactory().getObjectInstance(reference, null, null, null);

        assertThat(reference.getClassName()).isEqualTo(CairnXAConnectionFactory.class.getName());
        assertThat(rebuilt).isInstanceOf(CairnXAConnectionFactory.class).isEqualTo(factory);
        assertThat(((CairnXAConnectionFactory) rebuilt).config().prefetch()).isEqualTo(3);
    }

    @Test
    void shouldStillRebuildAPlainFactoryFromAPlainReference() throws Exception {
        final Reference reference = new CairnConnectionFactory("cairn://a:1").getReference();

        final Object rebuilt = new CairnConnectionFactoryObjectFactory().getObjectInstance(reference, null, null, null);

        assertThat(rebuilt).isExactlyInstanceOf(CairnConnectionFactory.class);
    }

    @Test
    void shouldNotEqualAPlainFactoryWithTheSameUrl() {
        final CairnXAConnectionFactory xa = new CairnXAConnectionFactory("cairn://a:1");
        final CairnConnectionFactory plain = new CairnConnectionFactory("cairn://a:1");

        assertThat(xa).isNotEqualTo(plain);
        assertThat(plain).isNotEqualTo(xa);
        assertThat(xa).isEqualTo(new CairnXAConnectionFactory("cairn://a:1"));
    }

    @Test
    void shouldSurviveSerializationAsAnXaFactory() throws Exception {
        final CairnXAConnectionFactory factory = new CairnXAConnectionFactory("cairn://ns:1234");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isInstanceOf(CairnXAConnectionFactory.class).isEqualTo(factory);
        }
    }

    @Test
    void shouldFailXaConnectionsAndContextsWhenNoNameServerListens() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        final CairnXAConnectionFactory factory =
            new CairnXAConnectionFactory("cairn://127.0.0.1:" + closedPort + "?connectTimeoutMs=500");

        assertThatThrownBy(factory::createXAConnection).isInstanceOf(JMSException.class);
        assertThatThrownBy(factory::createXAQueueConnection).isInstanceOf(JMSException.class);
        assertThatThrownBy(factory::createXATopicConnection).isInstanceOf(JMSException.class);
        assertThatThrownBy(factory::createXAContext).isInstanceOf(JMSRuntimeException.class);
    }
}
