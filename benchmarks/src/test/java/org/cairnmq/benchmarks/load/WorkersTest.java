package org.cairnmq.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WorkersTest {

    @Test
    void shouldSplitMessagesSoSharesAddUpAndDifferByAtMostOne() {
        long[] shares = IntStream.range(0, 16).mapToLong(index -> Workers.share(100_003, 16, index)).toArray();

        assertThat(java.util.Arrays.stream(shares).sum()).isEqualTo(100_003);
        assertThat(java.util.Arrays.stream(shares).max().getAsLong()
                - java.util.Arrays.stream(shares).min().getAsLong()).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldGiveZeroToWorkersBeyondTheMessageCount() {
        assertThat(Workers.share(2, 4, 0)).isEqualTo(1);
        assertThat(Workers.share(2, 4, 1)).isEqualTo(1);
        assertThat(Workers.share(2, 4, 3)).isZero();
    }

    @Test
    void shouldBuildPayloadOfRequestedSizeThatIsNotConstant() {
        byte[] payload = Workers.payload(1024);

        assertThat(payload).hasSize(1024);
        assertThat(payload[0]).isNotEqualTo(payload[1]);
        assertThat(Workers.payload(0)).isEmpty();
    }

    @Test
    void shouldExpireADeadlineInThePastAndNotOneInTheFuture() {
        assertThat(Deadline.after(-1).expired()).isTrue();
        assertThat(Deadline.after(-1).remainingNanos()).isZero();
        assertThat(Deadline.after(TimeUnit.HOURS.toNanos(1)).expired()).isFalse();
        assertThat(Deadline.after(-TimeUnit.HOURS.toNanos(1)).extendedBy(TimeUnit.HOURS.toNanos(2)).expired())
                .isFalse();
    }
}
