package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ObjectMessageTest {

    /** A serializable value the test can change after handing it to the message. */
    static final class Box implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<String> items = new ArrayList<>();
    }

    /** Serializable by declaration, but holds a field that is not. */
    static final class Unserializable implements Serializable {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial")
        final Object lock = new Object();
    }

    /** Delegates to its parent and records every class name it is asked for. */
    static final class RecordingLoader extends ClassLoader {
        final List<String> requested = new CopyOnWriteArrayList<>();

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void shouldSerializeTheObjectWhenItIsSetSoLaterChangesDoNotShow() throws JMSException {
        Box box = new Box();
        box.items.add("before");
        CairnObjectMessage message = new CairnObjectMessage();
        message.setObject(box);

        box.items.add("after");

        assertThat(((Box) message.getObject()).items).containsExactly("before");
    }

    @Test
    void shouldHandOutAFreshCopyOnEveryGet() throws JMSException {
        Box box = new Box();
        CairnObjectMessage message = new CairnObjectMessage();
        message.setObject(box);

        Box first = (Box) message.getObject();
        first.items.add("changed");
        Box second = message.getBody(Box.class);

        assertThat(first).isNotSameAs(box);
        assertThat(second).isNotSameAs(first);
        assertThat(second.items).isEmpty();
    }

    @Test
    void shouldFailAtSetTimeForAnObjectThatCannotBeSerialized() {
        CairnObjectMessage message = new CairnObjectMessage();

        assertThatThrownBy(() -> message.setObject(new Unserializable())).isInstanceOf(MessageFormatException.class);
        assertThat(message.getSerializedObject()).isNull();
    }

    @Test
    void shouldResolveClassesWithTheThreadContextClassLoader() throws JMSException {
        CairnObjectMessage message = new CairnObjectMessage();
        message.setObject(new Box());
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        RecordingLoader loader = new RecordingLoader(ObjectMessageTest.class.getClassLoader());
        thread.setContextClassLoader(loader);
        try {
            assertThat(message.getObject()).isInstanceOf(Box.class);
        } finally {
            thread.setContextClassLoader(original);
        }

        assertThat(loader.requested).contains(Box.class.getName());
    }

    @Test
    void shouldReportCorruptSerializedDataAsFormatErrorAndAsNotAssignable() throws JMSException {
        CairnObjectMessage message = new CairnObjectMessage();
        message.setSerializedObject(new byte[] {1, 2, 3});

        assertThatThrownBy(message::getObject).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
        assertThat(message.isBodyAssignableTo(Object.class)).isFalse();
    }

    @Test
    void shouldHoldANullObjectAsNoBody() throws JMSException {
        CairnObjectMessage message = new CairnObjectMessage();
        message.setObject("x");
        message.setObject(null);

        assertThat(message.getObject()).isNull();
        assertThat(message.getBody(Integer.class)).isNull();
    }

    @Test
    void shouldBeReadOnlyAfterReceiptUntilClearBody() throws JMSException {
        CairnObjectMessage message = new CairnObjectMessage();
        message.setObject("first");
        message.markReceived();

        assertThatThrownBy(() -> message.setObject("second")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.setSerializedObject(new byte[0]))
            .isInstanceOf(MessageNotWriteableException.class);
        assertThat(message.getObject()).isEqualTo("first");

        message.clearBody();
        assertThat(message.getObject()).isNull();
        message.setObject("second");
        assertThat(message.getObject()).isEqualTo("second");
    }
}
