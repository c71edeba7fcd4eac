package org.cairnmq.tck.joram;

import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cairnmq.jms.jndi.CairnInitialContextFactory;
import org.objectweb.jtests.jms.admin.Admin;

/**
 * The Joram suite's admin hook for Cairn: the suite instantiates it by the class name in
 * {@code provider.properties} ({@code jms.provider.admin.class}), once per test, and asks it for the
 * administered objects each test uses.
 *
 * <p>Objects are bound through Cairn's own JNDI provider, {@link CairnInitialContextFactory}: each
 * {@code create*} call adds an entry to the environment ({@code connectionFactory.<name>},
 * {@code queue.<name>}, {@code topic.<name>}), each {@code delete*} call removes it, and
 * {@link #createContext()} opens an {@link InitialContext} on that environment. Connection factories
 * point at the one embedded broker of {@link SharedBroker}.
 *
 * <p>Design note: a JNDI name maps to a physical destination whose name carries this admin's number
 * ({@code testJoramQueue} to {@code testJoramQueue-42}), so every test starts on empty destinations.
 * A test that fails half-way leaves messages behind; with shared names those would be received by the
 * next test and one provider bug would fail a chain of unrelated tests.
 *
 * <p>Thread safety: the suite calls it from the test's thread only.
 */
public class CairnJoramAdmin implements Admin {

    private static final AtomicLong INSTANCES = new AtomicLong();

    private final long instance = INSTANCES.incrementAndGet();
    private final Hashtable<String, Object> environment = new Hashtable<>();
    private final TestWatchdog watchdog = TestWatchdog.fromSystemProperty();

    /** Creates the hook; the suite instantiates it by class name. */
    public CairnJoramAdmin() {
        environment.put(Context.INITIAL_CONTEXT_FACTORY, CairnInitialContextFactory.class.getName());
    }

    @Override
    public String getName() {
        return "Cairn";
    }

    @Override
    public Context createContext() throws NamingException {
        return new InitialContext(new Hashtable<>(environment));
    }

    @Override
    public void createConnectionFactory(final String name) {
        bindFactory(name);
    }

    @Override
    public void createQueueConnectionFactory(final String name) {
        bindFactory(name);
    }

    @Override
    public void createTopicConnectionFactory(final String name) {
        bindFactory(name);
    }

    @Override
    public void createQueue(final String name) {
        environment.put(CairnInitialContextFactory.QUEUE_PREFIX + name, physicalName(name));
    }

    @Override
    public void createTopic(final String name) {
        environment.put(CairnInitialContextFactory.TOPIC_PREFIX + name, physicalName(name));
    }

    @Override
    public void deleteQueue(final String name) {
        environment.remove(CairnInitialContextFactory.QUEUE_PREFIX + name);
    }

    @Override
    public void deleteTopic(final String name) {
        environment.remove(CairnInitialContextFactory.TOPIC_PREFIX + name);
    }

    @Override
    public void deleteConnectionFactory(final String name) {
        unbindFactory(name);
    }

    @Override
    public void deleteQueueConnectionFactory(final String name) {
        unbindFactory(name);
    }

    @Override
    public void deleteTopicConnectionFactory(final String name) {
        unbindFactory(name);
    }

    /** Starts the shared broker unless it runs already. */
    @Override
    public void startServer() {
        SharedBroker.nameServerUrl();
    }

    /** Leaves the shared broker running for the next test; it closes when the JVM exits. */
    @Override
    public void stopServer() {
        // The broker outlives the test on purpose: see SharedBroker.
    }

    /** Called at the start of each test: starts its watchdog. */
    @Override
    public void start() {
        watchdog.arm();
    }

    /** Called at the end of each test: stops its watchdog. */
    @Override
    public void stop() {
        watchdog.disarm();
    }

    private void bindFactory(final String name) {
        environment.put(CairnInitialContextFactory.CONNECTION_FACTORY_PREFIX + name, SharedBroker.nameServerUrl());
    }

    private void unbindFactory(final String name) {
        environment.remove(CairnInitialContextFactory.CONNECTION_FACTORY_PREFIX + name);
    }

    private String physicalName(final String jndiName) {
        return jndiName + "-" + instance;
    }
}
