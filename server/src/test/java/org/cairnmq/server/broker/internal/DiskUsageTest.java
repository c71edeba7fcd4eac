package org.cairnmq.server.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DiskUsageTest {

    @Test
    void shouldMeasureTheVolumeOnTheFirstCall(@TempDir Path directory) throws IOException {
        FileStore volume = Files.getFileStore(directory);
        double expected = (double) (volume.getTotalSpace() - volume.getUsableSpace()) / volume.getTotalSpace();

        double measured = new DiskUsage(directory).getAsDouble();

        assertThat(measured).isGreaterThan(0.0).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
    }
}
