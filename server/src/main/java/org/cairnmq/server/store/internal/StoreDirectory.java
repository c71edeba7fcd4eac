package org.cairnmq.server.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.cairnmq.server.store.StoreException;

/**
 * The store's directory: an exclusive lock so that one process at a time opens it, and the running
 * marker that tells a clean shutdown from a crash (created at start, deleted on clean close, like
 * RocketMQ's {@code abort} file).
 *
 * <p>Owning thread: the thread that starts and closes the store.
 */
public final class StoreDirectory implements AutoCloseable {

    private final Path root;
    private final Path runningMarker;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean previousShutdownClean;

    /**
     * Creates the directory if needed, locks it and creates the running marker.
     *
     * @param root the store's directory
     */
    public StoreDirectory(Path root) {
        this.root = root;
        this.runningMarker = root.resolve("running");
        try {
            Files.createDirectories(root);
            lockChannel = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockChannel);
            if (lock == null) {
                lockChannel.close();
                throw new StoreException(StoreException.Category.STATE, "another process holds the store " + root);
            }
            previousShutdownClean = !Files.exists(runningMarker);
            if (previousShutdownClean) {
                Files.createFile(runningMarker);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot open the store directory " + root, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * @return the store's directory
     */
    public Path root() {
        return root;
    }

    /**
     * @return whether the previous run removed its running marker
     */
    public boolean previousShutdownClean() {
        return previousShutdownClean;
    }

    /**
     * Marks the shutdown clean; call after everything is flushed.
     */
    public void markCleanShutdown() {
        try {
            Files.deleteIfExists(runningMarker);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot delete " + runningMarker, e);
        }
    }

    /**
     * Releases the lock.
     */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot release the lock of " + root, e);
        }
    }
}
