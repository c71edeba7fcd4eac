package org.cairnmq.client.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SendWindowTest {

    private static final long SESSION = 7L;
    private static final long OTHER_SESSION = 8L;

    @Test
    void shouldLetSendsGoUntilTheWindowIsFullAndTimeOutThen() throws InterruptedException {
        final SendWindow window = new SendWindow(100);
        assertThat(window.acquire(60, 1_000)).isTrue();
        assertThat(window.acquire(40, 1_000)).isTrue();

        assertThatThrownBy(() -> window.acquire(1, 50))
            .isInstanceOf(SendWindow.WindowTimeoutException.class).hasMessageContaining("100 bytes");
    }

    @Test
    void shouldWakeAWaitingSendWhenTheBrokerHandsRoomBack() throws Exception {
        final SendWindow window = new SendWindow(100);
        window.acquire(100, 1_000);
        final CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> acquire(window, 30));

        window.release(30);

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldLetARecordLargerThanTheWindowGoWhenTheWindowIsWhole() throws InterruptedException {
        final SendWindow window = new SendWindow(100);
        assertThat(window.acquire(500, 1_000)).isTrue();
        assertThatThrownBy(() -> window.acquire(1, 50)).isInstanceOf(SendWindow.WindowTimeoutException.class);

        window.release(500);
        assertThat(window.acquire(100, 50)).isTrue();
    }

    @Test
    void shouldBeWholeOnlyWhenEveryByteCameBack() throws InterruptedException {
        final SendWindow window = new SendWindow(1_000);
        assertThat(window.awaitWhole(50)).isTrue();
        window.acquire(10, 1_000);
        window.acquire(20, 1_000);

        window.release(10);
        assertThat(window.awaitWhole(50)).isFalse();
        window.release(20);
        assertThat(window.awaitWhole(50)).isTrue();
    }

    @Test
    void shouldKeepAWindowPerSessionAndWaitForTheClosingSessionsOwnSendsOnly() throws InterruptedException {
        final SendWindows windows = new SendWindows(100);
        windows.of(SESSION).acquire(100, 1_000);
        assertThat(windows.of(OTHER_SESSION).acquire(100, 50)).as("a full window of another session does not count")
            .isTrue();
        assertThatThrownBy(() -> windows.of(SESSION).acquire(1, 50)).isInstanceOf(SendWindow.WindowTimeoutException.class);

        windows.release(SESSION, 100);
        assertThat(windows.awaitWholeAndForget(SESSION, 50)).isTrue();
        assertThat(windows.awaitWholeAndForget(OTHER_SESSION, 50)).isFalse();
        assertThat(windows.awaitWholeAndForget(99L, 50)).as("a session that never sent").isTrue();
    }

    @Test
    void shouldCloseTheWindowsOfALostConnectionAndThoseMadeAfter() throws InterruptedException {
        final SendWindows windows = new SendWindows(100);
        windows.of(SESSION).acquire(100, 1_000);

        windows.close();

        assertThat(windows.awaitWholeAndForget(SESSION, 1_000)).isTrue();
        assertThat(windows.of(OTHER_SESSION).acquire(1, 1_000)).isFalse();
    }

    @Test
    void shouldReleaseWaitersAndRefuseSendsOnceClosed() throws Exception {
        final SendWindow window = new SendWindow(100);
        window.acquire(100, 1_000);
        final CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> acquire(window, 50));

        window.close();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("nothing taken from a closed window").isFalse();
        assertThat(window.awaitWhole(1_000)).isTrue();
        assertThat(window.acquire(1, 1_000)).isFalse();
    }

    private static boolean acquire(final SendWindow window, final int bytes) {
        try {
            return window.acquire(bytes, 5_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
