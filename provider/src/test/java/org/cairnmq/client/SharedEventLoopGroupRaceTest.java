package org.cairnmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.server.remoting.Authenticator;
import org.cairnmq.server.remoting.ProcessorRegistry;
import org.cairnmq.server.remoting.RemotingConfig;
import org.cairnmq.server.remoting.RemotingServer;
import org.cairnmq.server.remoting.ServerIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Opens and closes connections concurrently while requests are in flight, so that the last close of
 * a round shuts the shared client event loop group down under requests that are still being issued.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SharedEventLoopGroupRaceTest {

    private static final ConnectorConfig FAST = ConnectorConfig.defaults()
        .withConnectTimeoutMs(2_000L).withRequestTimeoutMs(5_000L).withRetries(2, 10L, 20L);
    private static final int MAX_ROUNDS = 25;
    private static final long MAX_DURATION_MS = 30_000L;
    private static final int CONNECTIONS_PER_ROUND = 3;
    private static final int ANSWERS_BEFORE_CLOSE = 20;
    private static final int REQUESTS_AFTER_CLOSE = 200;
    private static final int MAX_REQUESTS_PER_CONNECTION = 20_000;
    private static final int PACING_EVERY_REQUESTS = 8;
    private static final int STOP_CYCLES = 10;

    private final List<String> rejectionsLogged = new CopyOnWriteArrayList<>();
    private final List<Throwable> unexpectedFailures = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AppenderBase<ILoggingEvent> rejectionDetector = new AppenderBase<>() {
        @Override
        protected void append(final ILoggingEvent event) {
            if (mentionsRejection(event)) {
                rejectionsLogged.add(event.getLoggerName() + ": " + event.getFormattedMessage());
            }
        }
    };
    private RemotingServer server;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        rejectionDetector.start();
        rootLogger().addAppender(rejectionDetector);
        final ProcessorRegistry registry = new ProcessorRegistry();
        registry.register(CommandCode.SEND, (connection, header, body) -> {
            final int value = CodecSupport.readInt(body);
            connection.respond(header.correlationId(), header.command(), out -> out.writeInt(value * 2));
        });
        server = new RemotingServer(RemotingConfig.defaults().withPort(0).withIoThreads(1), registry,
            Authenticator.of(Map.of("alice", "secret"), true), new ServerIdentity("broker-r", "1.0", 1000)).start();
        pool = Executors.newFixedThreadPool(CONNECTIONS_PER_ROUND * 2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
        rootLogger().detachAppender(rejectionDetector);
        rejectionDetector.stop();
    }

    @Test
    void shouldFailRequestsRacingTheLastCloseWithConnectionLostAndNeverARejectedExecution() throws Exception {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_DURATION_MS);
        int rounds = 0;
        while (rounds < MAX_ROUNDS && System.nanoTime() < deadlineNs) {
            runRound();
            rounds++;
        }

        assertThat(unexpectedFailures).isEmpty();
        assertThat(rejectionsLogged).isEmpty();
        assertThat(answered.get()).isGreaterThanOrEqualTo(rounds * CONNECTIONS_PER_ROUND * ANSWERS_BEFORE_CLOSE);
        assertThat(lost.get()).isGreaterThanOrEqualTo(rounds * CONNECTIONS_PER_ROUND * REQUESTS_AFTER_CLOSE);
    }

    @Test
    void shouldFailARequestWhoseEventLoopShutDownWhileItWasEncodedWithConnectionLost() throws Exception {
        final NettyClientConnection connection = (NettyClientConnection) new ClientConnector(FAST).connect(
            List.of(server.address()), "alice", "secret");
        final CountDownLatch encoding = new CountDownLatch(1);
        final CountDownLatch loopGone = new CountDownLatch(1);
        final Future<CompletableFuture<ByteBuf>> request = pool.submit(() -> connection.request(CommandCode.SEND,
            out -> {
                encoding.countDown();
                awaitQuietly(loopGone);
                out.writeInt(1);
            }));
        assertThat(encoding.await(10, TimeUnit.SECONDS)).isTrue();

        connection.close();
        await().atMost(Duration.ofSeconds(10)).until(connection::isEventLoopTerminated);
        loopGone.countDown();

        final CompletableFuture<ByteBuf> future = request.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOf(ConnectionLostException.class);
        assertThat(rejectionsLogged).isEmpty();
    }

    @Test
    void shouldReportTheClientThreadsStoppedOnlyOnceTheLastConnectionClosedAndTheyEnded() throws Exception {
        // Several cycles: the threads end a moment after their event loops report termination, and
        // one cycle rarely lands in that moment.
        for (int cycle = 0; cycle < STOP_CYCLES; cycle++) {
            final ClientConnection connection = new ClientConnector(FAST).connect(List.of(server.address()),
                "alice", "secret");
            assertThat(ClientConnector.awaitThreadsStopped(10)).as("a connection is open").isFalse();

            connection.close();
            assertThat(ClientConnector.awaitThreadsStopped(10_000)).isTrue();
            assertThat(Thread.getAllStackTraces().keySet()).as("cycle %d", cycle).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("cairn-client"));
        }
    }

    /** Opens connections at once, requests on each, closes each from another thread mid-stream. */
    private void runRound() throws Exception {
        final List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS_PER_ROUND; i++) {
            final ClientConnection connection = new ClientConnector(FAST).connect(List.of(server.address()), "alice",
                "secret");
            final CountDownLatch enoughAnswers = new CountDownLatch(ANSWERS_BEFORE_CLOSE);
            tasks.add(pool.submit(() -> hammer(connection, enoughAnswers)));
            tasks.add(pool.submit(() -> {
                awaitQuietly(enoughAnswers);
                connection.close();
            }));
        }
        for (final Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
    }

    /** Issues requests until the connection has been closed for a while, checking every outcome. */
    private void hammer(final ClientConnection connection, final CountDownLatch enoughAnswers) {
        final List<CompletableFuture<ByteBuf>> futures = new ArrayList<>();
        int afterClose = 0;
        for (int i = 0; i < MAX_REQUESTS_PER_CONNECTION && afterClose < REQUESTS_AFTER_CLOSE; i++) {
            if (!connection.isOpen()) {
                afterClose++;
            }
            final int value = i;
            try {
                futures.add(connection.request(CommandCode.SEND, out -> out.writeInt(value)).whenComplete(
                    (body, error) -> enoughAnswers.countDown()));
            } catch (final RuntimeException e) {
                unexpectedFailures.add(e);
                return;
            }
            if (i % PACING_EVERY_REQUESTS == 0) {
                futures.get(i).handle((body, error) -> body).join();
            }
        }
        for (int i = 0; i < futures.size(); i++) {
            check(futures.get(i), i);
        }
    }

    private void check(final CompletableFuture<ByteBuf> future, final int value) {
        try {
            final ByteBuf body = future.get(10, TimeUnit.SECONDS);
            try {
                assertThat(body.readInt()).isEqualTo(value * 2);
                answered.incrementAndGet();
            } finally {
                body.release();
            }
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof ConnectionLostException) {
                lost.incrementAndGet();
            } else {
                unexpectedFailures.add(e.getCause());
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            unexpectedFailures.add(e);
        } catch (final TimeoutException e) {
            unexpectedFailures.add(new AssertionError("request " + value + " never completed", e));
        }
    }

    private static void awaitQuietly(final CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean mentionsRejection(final ILoggingEvent event) {
        if (event.getFormattedMessage().contains(RejectedExecutionException.class.getSimpleName())) {
            return true;
        }
        for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
            if (RejectedExecutionException.class.getName().equals(proxy.getClassName())) {
                return true;
            }
        }
        return false;
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
