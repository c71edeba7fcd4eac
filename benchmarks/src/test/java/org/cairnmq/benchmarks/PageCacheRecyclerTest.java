package org.cairnmq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PageCacheRecyclerTest {

    @TempDir
    Path directory;

    @Test
    void shouldLeaveNoScratchFileBehind() throws IOException {
        Files.writeString(directory.resolve("kept.txt"), "data");

        new PageCacheRecycler().recycle(directory, 3L << 20);

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("kept.txt");
        }
    }

    @Test
    void shouldReportADirectoryItCannotWriteTo() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> new PageCacheRecycler().recycle(missing, 1L << 20))
                .isInstanceOf(NoSuchFileException.class);
    }
}
