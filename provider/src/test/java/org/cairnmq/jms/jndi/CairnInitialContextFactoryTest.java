package org.cairnmq.jms.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CairnInitialContextFactoryTest {

    private static Context context(final String... keysAndValues) throws NamingException {
        final Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, CairnInitialContextFactory.class.getName());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new InitialContext(environment);
    }

    @Test
    void shouldBindConnectionFactoriesQueuesAndTopicsFromTheEnvironment() throws NamingException {
        final Context context = context("connectionFactory.orders", "cairn://ns:1?prefetch=5",
            "queue.jms/Orders", "orders", "topic.prices.eu", "prices");

        assertThat(context.lookup("orders")).isEqualTo(new CairnConnectionFactory("cairn://ns:1?prefetch=5"));
        assertThat((Queue) context.lookup("jms/Orders")).isEqualTo(new CairnQueue("orders"));
        assertThat((Topic) context.lookup("prices.eu")).isEqualTo(new CairnTopic("prices"));
    }

    @Test
    void shouldBindTheProviderUrlAsTheDefaultConnectionFactory() throws NamingException {
        final Context context = context(Context.PROVIDER_URL, "cairn://ns:9876");

        assertThat((ConnectionFactory) context.lookup("ConnectionFactory"))
            .isEqualTo(new CairnConnectionFactory("cairn://ns:9876"));
    }

    @Test
    void shouldFailWithNameNotFoundForAnUnknownName() throws NamingException {
        final Context context = context("queue.a", "a");

        assertThatThrownBy(() -> context.lookup("b")).isInstanceOf(NameNotFoundException.class);
    }

    @Test
    void shouldListEveryBinding() throws NamingException {
        final Context context = context("queue.a", "qa", "topic.b", "tb");

        final List<String> names = new ArrayList<>();
        final NamingEnumeration<NameClassPair> listing = context.list("");
        while (listing.hasMore()) {
            names.add(listing.next().getName());
        }

        assertThat(names).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shouldRefuseChanges() throws NamingException {
        final Context context = context("queue.a", "qa");

        assertThatThrownBy(() -> context.bind("x", new CairnQueue("x")))
            .isInstanceOf(OperationNotSupportedException.class);
        assertThatThrownBy(() -> context.unbind("a")).isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void shouldReportAnInvalidFactoryUrlAsAConfigurationError() {
        assertThatThrownBy(() -> context("connectionFactory.bad", "tcp://x"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("bad");
    }

    @Test
    void shouldReplacePlaceholdersBySystemPropertiesAndDefaults() throws Exception {
        final String property = "cairn.jndi.test.port." + System.nanoTime();
        System.setProperty(property, "19999");
        try {
            final Context context = context("connectionFactory.cf", "cairn://127.0.0.1:${" + property + "}",
                "queue.q", "${" + property + ".missing:orders}-${" + property + "}");
            assertThat(((CairnConnectionFactory) context.lookup("cf")).getUrl()).isEqualTo("cairn://127.0.0.1:19999");
            assertThat(((Queue) context.lookup("q")).getQueueName()).isEqualTo("orders-19999");
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void shouldReportAnUnsetPlaceholderWithoutDefaultAsAConfigurationError() {
        assertThatThrownBy(() -> context("topic.t", "${cairn.jndi.test.never.set}"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("cairn.jndi.test.never.set");
        assertThatThrownBy(() -> context("topic.t", "prices-${unclosed"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("unclosed");
    }
}
