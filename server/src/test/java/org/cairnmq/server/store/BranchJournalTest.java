package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The branch journal over real files: reopen, removal, torn tails, compaction. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BranchJournalTest {

    @TempDir
    Path directory;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepPutEntriesAndForgetRemovedOnesAcrossAReopen() {
        try (BranchJournal journal = BranchJournal.open(directory)) {
            journal.put(bytes("a"), bytes("prepared a"));
            journal.put(bytes("b"), bytes("prepared b"));
            journal.put(bytes("a"), bytes("heuristic a"));
            journal.remove(bytes("b"));
            journal.remove(bytes("never there"));
        }
        try (BranchJournal reopened = BranchJournal.open(directory)) {
            assertThat(reopened.entries()).hasSize(1);
            assertThat(text(reopened.entries().get(0).key())).isEqualTo("a");
            assertThat(text(reopened.entries().get(0).payload())).isEqualTo("heuristic a");
        }
    }

    @Test
    void shouldCutATornTailAndKeepEverythingBeforeIt() throws IOException {
        try (BranchJournal journal = BranchJournal.open(directory)) {
            journal.put(bytes("kept"), bytes("payload"));
            journal.put(bytes("torn"), bytes("payload that loses its end"));
        }
        Path file = directory.resolve(BranchJournal.FILE_NAME);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 5);
        }
        try (BranchJournal reopened = BranchJournal.open(directory)) {
            assertThat(reopened.entries()).extracting(entry -> text(entry.key())).containsExactly("kept");
            reopened.put(bytes("after"), bytes("x"));
        }
        try (BranchJournal again = BranchJournal.open(directory)) {
            assertThat(again.entries()).extracting(entry -> text(entry.key())).containsExactly("kept", "after");
        }
    }

    @Test
    void shouldStopAtACorruptEntry() throws IOException {
        try (BranchJournal journal = BranchJournal.open(directory)) {
            journal.put(bytes("first"), bytes("one"));
            journal.put(bytes("second"), bytes("two"));
        }
        Path file = directory.resolve(BranchJournal.FILE_NAME);
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), size - 1);
        }
        try (BranchJournal reopened = BranchJournal.open(directory)) {
            assertThat(reopened.entries()).extracting(entry -> text(entry.key())).containsExactly("first");
        }
    }

    @Test
    void shouldShrinkTheFileWhenItsLastBranchIsRemovedAndCompactOnOpen() throws IOException {
        Path file = directory.resolve(BranchJournal.FILE_NAME);
        try (BranchJournal journal = BranchJournal.open(directory)) {
            journal.put(bytes("only"), new byte[1000]);
            journal.remove(bytes("only"));
            assertThat(Files.size(file)).isZero();
            journal.put(bytes("x"), new byte[1000]);
            journal.put(bytes("y"), new byte[10]);
            journal.remove(bytes("x"));
        }
        long before = Files.size(file);
        try (BranchJournal reopened = BranchJournal.open(directory)) {
            assertThat(reopened.entries()).extracting(entry -> text(entry.key())).containsExactly("y");
        }
        assertThat(Files.size(file)).isLessThan(before);
    }
}
