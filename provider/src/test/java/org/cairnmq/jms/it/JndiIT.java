package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cairnmq.jms.jndi.CairnInitialContextFactory;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A plain Java SE application's path: a {@code jndi.properties}-style environment, lookups, send and receive. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JndiIT {

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private Context context;

    @BeforeEach
    void startBrokerAndContext() throws NamingException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder.allowAnonymous(false));
        final String nameServer = broker.nameServerUrl();
        final Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, CairnInitialContextFactory.class.getName());
        environment.put("connectionFactory.ConnectionFactory", nameServer);
        environment.put("connectionFactory.AppFactory", nameServer + "?user=" + BrokerFixture.USER + "&password="
            + BrokerFixture.PASSWORD);
        environment.put("connectionFactory.WrongPasswordFactory", nameServer + "?user=" + BrokerFixture.USER
            + "&password=wrong");
        environment.put("queue.orders", "orders");
        environment.put("queue.jms/Invoices", "billing.invoices");
        context = new InitialContext(environment);
    }

    @AfterEach
    void closeContext() throws NamingException {
        context.close();
    }

    @Test
    void shouldLookUpAFactoryAndAQueueThenSendAndReceive() throws NamingException, JMSException {
        final ConnectionFactory factory = (ConnectionFactory) context.lookup("ConnectionFactory");
        final Queue orders = (Queue) context.lookup("orders");
        final Connection connection = factory.createConnection(BrokerFixture.USER, BrokerFixture.PASSWORD);
        brokers.track(connection::close);
        connection.start();
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

        session.createProducer(orders).send(session.createTextMessage("order 1"));
        final TextMessage received = (TextMessage) session.createConsumer(session.createQueue("orders"))
            .receive(RECEIVE_TIMEOUT_MS);

        assertThat(orders.getQueueName()).isEqualTo("orders");
        assertThat(received).isNotNull();
        assertThat(received.getText()).isEqualTo("order 1");
        assertThat(received.getJMSDestination()).isEqualTo(orders);
    }

    @Test
    void shouldUseTheCredentialsOfTheFactoryUrlAndAQueueWhoseJndiNameHasASlash()
        throws NamingException, JMSException {
        final ConnectionFactory factory = (ConnectionFactory) context.lookup("AppFactory");
        final Queue invoices = (Queue) context.lookup("jms/Invoices");
        final Connection connection = factory.createConnection();
        brokers.track(connection::close);
        connection.start();
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

        session.createProducer(invoices).send(session.createTextMessage("invoice 1"));
        final TextMessage received = (TextMessage) session.createConsumer(invoices).receive(RECEIVE_TIMEOUT_MS);

        assertThat(invoices.getQueueName()).isEqualTo("billing.invoices");
        assertThat(received).isNotNull();
        assertThat(received.getText()).isEqualTo("invoice 1");
    }

    @Test
    void shouldRefuseAWrongPasswordFromTheFactoryUrlWithASecurityException() throws NamingException {
        final ConnectionFactory factory = (ConnectionFactory) context.lookup("WrongPasswordFactory");

        assertThatThrownBy(factory::createConnection).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void shouldRefuseAnAnonymousConnectionWhenTheBrokerRequiresAUser() throws NamingException {
        final ConnectionFactory factory = (ConnectionFactory) context.lookup("ConnectionFactory");

        assertThatThrownBy(factory::createConnection).isInstanceOf(JMSSecurityException.class);
    }
}
