package org.cairnmq.jms.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.message.CairnTextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The completion bookkeeping of asynchronous sends, driven by hand-completed responses. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SendCompletionsTest {

    private final SendCompletions completions = new SendCompletions(1);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        completions.shutdown();
    }

    private CompletionListener recorder() {
        return new CompletionListener() {
            @Override
            public void onCompletion(final Message message) {
                events.add("ok " + text(message) + " on " + Thread.currentThread().getName());
                try {
                    completions.checkNotInCallback("close");
                    events.add("close allowed");
                } catch (final IllegalStateException refused) {
                    events.add("close refused");
                }
            }

            @Override
            public void onException(final Message message, final Exception exception) {
                events.add("failed " + text(message));
            }
        };
    }

    private static String text(final Message message) {
        return ((CairnTextMessage) message).getText();
    }

    @Test
    void shouldCallTheListenersInCompletionOrderOnTheCompletionThreadAndWaitForThemAll() throws JMSException {
        final CompletableFuture<ByteBuf> first = new CompletableFuture<>();
        final CompletableFuture<ByteBuf> second = new CompletableFuture<>();
        final CairnTextMessage one = new CairnTextMessage("one");
        final CairnTextMessage two = new CairnTextMessage("two");
        completions.track(first, one, one, recorder());
        completions.track(second, two, two, recorder());

        assertThatThrownBy(() -> one.setText("changed")).isInstanceOf(IllegalStateException.class);
        first.complete(Unpooled.buffer(0));
        second.completeExceptionally(new IllegalArgumentException("refused"));
        completions.awaitAll(5_000);

        assertThat(events).containsExactly("ok one on cairn-session-1-completions", "close refused", "failed two");
        one.setText("writable again");
        completions.checkNotInCallback("close");
    }

    @Test
    void shouldGiveUpWaitingForACompletionThatNeverComes() {
        final CairnTextMessage message = new CairnTextMessage("lost");
        completions.track(new CompletableFuture<>(), message, message, recorder());

        assertThatThrownBy(() -> completions.awaitAll(50)).isInstanceOf(JMSException.class)
            .hasMessageContaining("did not complete");
    }
}
