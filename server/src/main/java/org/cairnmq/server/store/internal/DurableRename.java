package org.cairnmq.server.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.cairnmq.server.store.StoreException;

/**
 * File-system steps that make a file replacement survive a crash.
 */
public final class DurableRename {

    private DurableRename() {
    }

    /**
     * Renames an already forced {@code source} over {@code target} in one atomic step, then forces
     * the directory so the rename itself is durable.
     *
     * @param source the new content, already forced
     * @param target the file it replaces
     */
    public static void replaceAtomically(Path source, Path target) {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new StoreException(StoreException.Category.CONFIGURATION,
                    "the file system of " + target + " cannot rename atomically", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot rename " + source + " to " + target, e);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Forces a directory's entries (created, renamed and deleted names) to disk.
     *
     * <p>Design note: opening a directory for reading and forcing it is how the JDK reaches
     * {@code fsync} on a directory; on platforms that refuse it (Windows) the rename is as durable as
     * that platform makes it, so the refusal is ignored.
     *
     * @param directory the directory
     */
    public static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (Files.isDirectory(directory)) {
                return;
            }
            throw new StoreException(StoreException.Category.IO, "cannot force directory " + directory, e);
        }
    }
}
