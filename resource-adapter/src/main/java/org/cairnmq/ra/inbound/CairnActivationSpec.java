package org.cairnmq.ra.inbound;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import org.cairnmq.ra.ConnectionPropertiesBean;

/**
 * The activation properties of a message-driven bean that listens with
 * {@link jakarta.jms.MessageListener}: the Jakarta Messaging standard ones and Cairn's.
 *
 * <p>Standard: {@code destination} (a queue or topic name), {@code destinationLookup} (a JNDI name of
 * a {@code Queue} or {@code Topic}), {@code destinationType} ({@code jakarta.jms.Queue}, the default,
 * or {@code jakarta.jms.Topic}), {@code connectionFactoryLookup} (a JNDI name of a Cairn connection
 * factory whose URL and credentials to use), {@code messageSelector}, {@code acknowledgeMode}
 * ({@code Auto-acknowledge}, the default, or {@code Dups-ok-acknowledge}), {@code subscriptionDurability}
 * ({@code NonDurable}, the default, or {@code Durable}), {@code subscriptionName}, {@code clientId},
 * {@code shareSubscriptions} (default false).
 *
 * <p>Cairn's: {@code serverUrl}, {@code user}, {@code password} (unset ones take the resource adapter's),
 * {@code maxSession} (concurrent consumer sessions, default {@value ActivationConfig#DEFAULT_MAX_SESSION}),
 * {@code prefetch} (each consumer's window in messages; default the provider's),
 * {@code endpointCreateAttempts} and {@code endpointCreateRetryIntervalMs} (how often and how soon a
 * delivery retries while the bean cannot yet be created; defaults
 * {@value ActivationConfig#DEFAULT_ENDPOINT_CREATE_ATTEMPTS} and
 * {@value ActivationConfig#DEFAULT_ENDPOINT_CREATE_RETRY_INTERVAL_MS} ms, doubling up to
 * {@value ActivationConfig#MAX_ENDPOINT_CREATE_RETRY_INTERVAL_MS} ms).
 *
 * <p>Redelivery (delay, maximum attempts, dead-letter queue) is the broker's per-destination policy
 * ({@code broker.redelivery.<pattern>.*}): the adapter returns a failed or rolled-back message to the
 * broker counted, and the broker redelivers it or moves it to the dead-letter queue.
 *
 * <p>Every value is checked by {@link #validate()}, which the resource adapter also calls at activation.
 */
public class CairnActivationSpec extends ConnectionPropertiesBean implements ActivationSpec {

    private static final long serialVersionUID = 1L;

    private volatile String destination;
    private volatile String destinationLookup;
    private volatile String destinationType;
    private volatile String connectionFactoryLookup;
    private volatile String messageSelector;
    private volatile String acknowledgeMode;
    private volatile String subscriptionDurability;
    private volatile String subscriptionName;
    private volatile String clientId;
    private volatile Boolean shareSubscriptions;
    private volatile Integer maxSession;
    private volatile Integer prefetch;
    private volatile Integer endpointCreateAttempts;
    private volatile Long endpointCreateRetryIntervalMs;

    /** Creates a spec with every property unset; the container sets them. */
    public CairnActivationSpec() {
    }

    /**
     * Checks every property and how they combine.
     *
     * @throws InvalidPropertyException with a message that names the property and the rule
     */
    @Override
    public void validate() throws InvalidPropertyException {
        toConfig();
    }

    /**
     * Validates and freezes the properties, resolving unset connection properties from the adapter.
     *
     * @return the checked configuration
     * @throws InvalidPropertyException if a property is invalid
     */
    public ActivationConfig toConfig() throws InvalidPropertyException {
        return ActivationConfig.from(this, resolveConnection());
    }

    /** @return the destination name, or {@code null} */
    public String getDestination() {
        return destination;
    }

    /** @param value the name of the queue or topic to consume from */
    public void setDestination(final String value) {
        this.destination = value;
    }

    /** @return the destination's JNDI name, or {@code null} */
    public String getDestinationLookup() {
        return destinationLookup;
    }

    /** @param value the JNDI name of a {@code Queue} or {@code Topic} to consume from */
    public void setDestinationLookup(final String value) {
        this.destinationLookup = value;
    }

    /** @return {@code jakarta.jms.Queue}, {@code jakarta.jms.Topic} or {@code null} */
    public String getDestinationType() {
        return destinationType;
    }

    /** @param value {@code jakarta.jms.Queue} or {@code jakarta.jms.Topic} */
    public void setDestinationType(final String value) {
        this.destinationType = value;
    }

    /** @return the connection factory's JNDI name, or {@code null} */
    public String getConnectionFactoryLookup() {
        return connectionFactoryLookup;
    }

    /** @param value the JNDI name of a Cairn connection factory whose URL and credentials to use */
    public void setConnectionFactoryLookup(final String value) {
        this.connectionFactoryLookup = value;
    }

    /** @return the message selector, or {@code null} */
    public String getMessageSelector() {
        return messageSelector;
    }

    /** @param value a message selector, or {@code null} for every message */
    public void setMessageSelector(final String value) {
        this.messageSelector = value;
    }

    /** @return the acknowledge mode, or {@code null} */
    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    /** @param value {@code Auto-acknowledge} or {@code Dups-ok-acknowledge} */
    public void setAcknowledgeMode(final String value) {
        this.acknowledgeMode = value;
    }

    /** @return the durability, or {@code null} */
    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    /** @param value {@code Durable} or {@code NonDurable} */
    public void setSubscriptionDurability(final String value) {
        this.subscriptionDurability = value;
    }

    /** @return the subscription name, or {@code null} */
    public String getSubscriptionName() {
        return subscriptionName;
    }

    /** @param value the name of the durable or shared subscription */
    public void setSubscriptionName(final String value) {
        this.subscriptionName = value;
    }

    /** @return the client id, or {@code null} */
    public String getClientId() {
        return clientId;
    }

    /** @param value the client id of the activation's connection */
    public void setClientId(final String value) {
        this.clientId = value;
    }

    /** @return whether the topic subscription is shared, or {@code null} */
    public Boolean getShareSubscriptions() {
        return shareSubscriptions;
    }

    /** @param value whether the topic subscription is shared between the sessions (and servers) */
    public void setShareSubscriptions(final Boolean value) {
        this.shareSubscriptions = value;
    }

    /** @return the number of consumer sessions, or {@code null} for the default */
    public Integer getMaxSession() {
        return maxSession;
    }

    /** @param value how many messages may be delivered at once (consumer sessions), at least 1 */
    public void setMaxSession(final Integer value) {
        this.maxSession = value;
    }

    /** @return the consumer window, or {@code null} for the provider's */
    public Integer getPrefetch() {
        return prefetch;
    }

    /** @param value each consumer's window in messages, 0 or more */
    public void setPrefetch(final Integer value) {
        this.prefetch = value;
    }

    /** @return the endpoint creation attempts, or {@code null} for the default */
    public Integer getEndpointCreateAttempts() {
        return endpointCreateAttempts;
    }

    /** @param value how often a delivery tries to create the bean before that session gives up, at least 1 */
    public void setEndpointCreateAttempts(final Integer value) {
        this.endpointCreateAttempts = value;
    }

    /** @return the first retry interval in milliseconds, or {@code null} for the default */
    public Long getEndpointCreateRetryIntervalMs() {
        return endpointCreateRetryIntervalMs;
    }

    /** @param value the wait before the first retry of endpoint creation, in milliseconds; doubled each retry */
    public void setEndpointCreateRetryIntervalMs(final Long value) {
        this.endpointCreateRetryIntervalMs = value;
    }

    @Override
    public String toString() {
        return "CairnActivationSpec[destination=" + (destination != null ? destination : destinationLookup)
            + ", type=" + destinationType + ", selector=" + messageSelector + ", subscription=" + subscriptionName + "]";
    }
}
