package org.cairnmq.server.broker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.server.broker.BrokerErrors;
import org.cairnmq.server.store.ConsumerOffsetStore;

/**
 * Topic subscriptions (docs/PROTOCOL.md, "Subscriptions"): which group a topic consumer joins,
 * creating, replacing and deleting subscriptions, and the durable definitions, persisted in
 * {@code subscriptions.registry} so durable subscriptions survive restarts.
 *
 * <pre>
 *  subscriptions.registry (text), one line per durable subscription:
 *    shared(0|1) TAB noLocal(0|1) TAB clientId-hex TAB name-hex TAB topic kind code TAB topic-hex
 *    TAB selector-hex          (an empty hex field: no client id / no selector)
 *  durable group name:        "d/" + clientId-hex + "/" + name-hex
 *  shared non-durable group:  "s/" + clientId-hex + "/" + name-hex + "/" + sequence
 *  non-durable group:         "n/" + sequence     (never persisted)
 * </pre>
 *
 * <p>Owning thread: the broker thread. The file is rewritten (temp file, force, rename) at each
 * durable create or delete, like the destination registry.
 */
final class SubscriptionManager {

    static final String FILE_NAME = "subscriptions.registry";

    /** Identity of a named subscription: (client id or "", name). */
    private record Key(String clientId, String name) {
    }

    private final Path file;
    private final DestinationTable destinations;
    private final ConsumerOffsetStore offsets;
    private final Map<Key, Subscription> durable = new HashMap<>();
    private final Map<Key, Subscription> sharedNonDurable = new HashMap<>();
    private long sequence;

    SubscriptionManager(Path directory, DestinationTable destinations, ConsumerOffsetStore offsets) {
        this.file = directory.resolve(FILE_NAME);
        this.destinations = destinations;
        this.offsets = offsets;
    }

    /** Loads the durable subscriptions; call after the destinations are loaded. */
    void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                String clientId = f[2].isEmpty() ? null : HexNames.decode(f[2]);
                String selectorText = f[6].isEmpty() ? null : HexNames.decode(f[6]);
                DestinationKind kind = DestinationKind.fromCode(Integer.parseInt(f[4]));
                DestinationState topic = destinations.find(kind, HexNames.decode(f[5]));
                if (topic == null) {
                    topic = destinations.create(kind, HexNames.decode(f[5]), 1, DestinationState.NO_OWNER);
                }
                Key key = new Key(f[2].isEmpty() ? "" : clientId, HexNames.decode(f[3]));
                String group = durableGroup(key);
                List<QueueState> queues = new ArrayList<>();
                for (int queueId = 0; queueId < topic.queueCount; queueId++) {
                    queues.add(destinations.persistentQueue(group, topic.topic, queueId));
                }
                Subscription.Kind subscriptionKind = "1".equals(f[0]) ? Subscription.Kind.SHARED_DURABLE
                        : Subscription.Kind.DURABLE;
                Subscription subscription = new Subscription(subscriptionKind, group, topic, clientId, key.name(),
                        selectorText, SelectorTexts.compile(selectorText), "1".equals(f[1]),
                        PublisherTags.of(clientId, 0L), queues);
                topic.subscriptions.add(subscription);
                durable.put(key, subscription);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The group a new topic consumer joins, creating or replacing the subscription as the rules say.
     *
     * @param connection the consumer's connection
     * @param request the request
     * @param topic the topic
     * @return the group
     */
    Subscription join(ConnectionState connection, CreateConsumerCodec.Request request, DestinationState topic) {
        boolean durableFlag = request.hasFlag(CreateConsumerCodec.DURABLE_FLAG);
        boolean shared = request.hasFlag(CreateConsumerCodec.SHARED_FLAG);
        boolean noLocal = request.hasFlag(CreateConsumerCodec.NO_LOCAL_FLAG);
        String selectorText = normalize(request.selector());
        Selector selector = SelectorTexts.compile(selectorText);
        String name = request.subscriptionName();
        if (!durableFlag && !shared) {
            return create(Subscription.Kind.NON_DURABLE, "n/" + (++sequence), topic, connection, null, selectorText,
                    selector, noLocal);
        }
        if (name == null || name.isEmpty()) {
            throw BrokerErrors.subscriptionState("a durable or shared subscription needs a name");
        }
        if (durableFlag && !shared && connection.clientId == null) {
            throw BrokerErrors.subscriptionState("an unshared durable subscription needs a client id");
        }
        Key key = new Key(connection.clientId == null ? "" : connection.clientId, name);
        Map<Key, Subscription> namespace = durableFlag ? durable : sharedNonDurable;
        Subscription existing = namespace.get(key);
        boolean sameNoLocal = shared || existing == null || existing.noLocal == noLocal;
        if (existing != null) {
            if (existing.kind.shared() != shared) {
                throw BrokerErrors.subscriptionState("subscription '" + name + "' exists and is "
                        + (shared ? "not shared" : "shared"));
            }
            boolean same = existing.destination == topic && Objects.equals(existing.selectorText, selectorText)
                    && sameNoLocal;
            if (same) {
                if (!shared && !existing.consumers.isEmpty()) {
                    throw BrokerErrors.subscriptionState("durable subscription '" + name + "' already has an active"
                            + " consumer");
                }
                return existing;
            }
            if (!existing.consumers.isEmpty()) {
                throw BrokerErrors.subscriptionState("subscription '" + name + "' has active consumers and a "
                        + "different topic or selector");
            }
            remove(existing);
        }
        Subscription.Kind kind = durableFlag ? (shared ? Subscription.Kind.SHARED_DURABLE : Subscription.Kind.DURABLE)
                : Subscription.Kind.SHARED_NON_DURABLE;
        String group = durableFlag ? durableGroup(key) : "s/" + HexNames.encode(key.clientId()) + "/"
                + HexNames.encode(name) + "/" + (++sequence);
        Subscription created = create(kind, group, topic, connection, name, selectorText, selector,
                !shared && noLocal);
        namespace.put(key, created);
        if (durableFlag) {
            save();
        }
        return created;
    }

    private Subscription create(Subscription.Kind kind, String group, DestinationState topic,
            ConnectionState connection, String name, String selectorText, Selector selector, boolean noLocal) {
        List<QueueState> queues = destinations.queuesAtTail(group, topic.topic, topic.queueCount, kind.persistent());
        Subscription subscription = new Subscription(kind, group, topic, connection.clientId, name, selectorText,
                selector, noLocal, connection.publisherTag(), queues);
        topic.subscriptions.add(subscription);
        return subscription;
    }

    /**
     * A consumer left its group: a non-durable group without consumers goes.
     *
     * @param subscription the group
     */
    void onConsumerRemoved(Subscription subscription) {
        if (subscription.consumers.isEmpty() && !subscription.kind.persistent()) {
            remove(subscription);
        }
    }

    /**
     * UNSUBSCRIBE.
     *
     * @param connection the connection (its client id scopes the name)
     * @param name the subscription's name
     */
    void unsubscribe(ConnectionState connection, String name) {
        Subscription existing = durable.get(new Key(connection.clientId == null ? "" : connection.clientId, name));
        if (existing == null) {
            throw BrokerErrors.subscriptionNotFound(name);
        }
        boolean inFlight = existing.queues.stream().anyMatch(queue -> !queue.inFlight.isEmpty());
        if (!existing.consumers.isEmpty() || inFlight) {
            throw BrokerErrors.subscriptionState("durable subscription '" + name + "' is in use");
        }
        remove(existing);
    }

    /**
     * Forgets the subscriptions of a deleted topic (the table already dropped their progress).
     *
     * @param topic the deleted topic
     */
    void onDestinationDeleted(DestinationState topic) {
        boolean changed = durable.values().removeIf(s -> s.destination == topic);
        sharedNonDurable.values().removeIf(s -> s.destination == topic);
        if (changed) {
            save();
        }
    }

    private void remove(Subscription subscription) {
        subscription.deleted = true;
        subscription.destination.subscriptions.remove(subscription);
        sharedNonDurable.values().remove(subscription);
        if (durable.values().remove(subscription)) {
            offsets.removeGroup(subscription.group);
            save();
        }
    }

    private static String durableGroup(Key key) {
        return "d/" + HexNames.encode(key.clientId()) + "/" + HexNames.encode(key.name());
    }

    private static String normalize(String selector) {
        return selector == null || selector.isBlank() ? null : selector;
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Key, Subscription> entry : durable.entrySet()) {
            Subscription s = entry.getValue();
            lines.add((s.kind == Subscription.Kind.SHARED_DURABLE ? "1" : "0") + "\t" + (s.noLocal ? "1" : "0")
                    + "\t" + HexNames.encode(entry.getKey().clientId()) + "\t" + HexNames.encode(entry.getKey().name())
                    + "\t" + s.destination.kind.code() + "\t" + HexNames.encode(s.destination.name)
                    + "\t" + (s.selectorText == null ? "" : HexNames.encode(s.selectorText)));
        }
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
