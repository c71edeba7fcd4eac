package org.cairnmq.server.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.cairnmq.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the message-key index directory back to the state its checkpoint describes.
 *
 * <ul>
 *   <li>Files older than the checkpoint's newest file were forced before the checkpoint was
 *       written: they are kept as they are.</li>
 *   <li>The checkpoint's newest file keeps exactly the checkpointed number of entries, which were
 *       forced before the checkpoint; its slot table and header are rebuilt from them, so whatever
 *       later puts left half-written does not matter.</li>
 *   <li>Files newer than that, and every file when there is no usable checkpoint, are deleted: their
 *       records lie past the checkpointed offset, and the store replays them.</li>
 * </ul>
 */
public final class KeyIndexRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(KeyIndexRecovery.class);

    /**
     * What recovery found.
     *
     * @param files the index files, oldest first
     * @param indexedUpToCommitLogOffset where the store's replay into the index resumes
     */
    public record Recovered(List<IndexFile> files, long indexedUpToCommitLogOffset) {
    }

    private KeyIndexRecovery() {
    }

    /**
     * @param directory the index directory, created if absent
     * @param checkpointPath the checkpoint file inside it
     * @return the recovered files and position
     */
    public static Recovered recover(Path directory, Path checkpointPath) {
        TreeMap<Long, Path> paths = listIndexFiles(directory, checkpointPath);
        Optional<KeyIndexCheckpoint> checkpoint = KeyIndexCheckpoint.read(checkpointPath);
        if (checkpoint.isEmpty()) {
            deleteAll(paths.values());
            return new Recovered(new ArrayList<>(), 0L);
        }
        KeyIndexCheckpoint state = checkpoint.get();
        long lastBegin = state.lastFileBeginCommitLogOffset();
        deleteAll(paths.tailMap(lastBegin, false).values());
        if (lastBegin == KeyIndexCheckpoint.NO_FILE) {
            deleteAll(paths.values());
            return new Recovered(new ArrayList<>(), state.indexedUpToCommitLogOffset());
        }
        IndexFile last = openLast(paths.get(lastBegin), state.lastFileEntryCount());
        if (last == null) {
            LOG.warn("Key index file {} named by the checkpoint is missing or corrupt; rebuilding the index",
                    IndexFileDescriptor.fileName(lastBegin));
            deleteAll(paths.headMap(lastBegin, true).values());
            return new Recovered(new ArrayList<>(), 0L);
        }
        List<IndexFile> files = openOlder(paths.headMap(lastBegin, false).values());
        if (state.lastFileEntryCount() <= 0) {
            last.delete();
        } else {
            last.truncateToEntryCount(state.lastFileEntryCount());
            files.add(last);
        }
        return new Recovered(files, state.indexedUpToCommitLogOffset());
    }

    private static IndexFile openLast(Path path, int durableEntryCount) {
        if (path == null) {
            return null;
        }
        try {
            IndexFile file = IndexFile.open(path);
            return durableEntryCount <= file.entryCapacity() ? file : null;
        } catch (StoreException e) {
            if (e.category() != StoreException.Category.CORRUPTION) {
                throw e;
            }
            return null;
        }
    }

    private static List<IndexFile> openOlder(Iterable<Path> paths) {
        List<IndexFile> files = new ArrayList<>();
        for (Path path : paths) {
            try {
                files.add(IndexFile.open(path));
            } catch (StoreException e) {
                if (e.category() != StoreException.Category.CORRUPTION) {
                    throw e;
                }
                LOG.warn("Dropping corrupt key index file {}: {}", path, e.getMessage());
                deleteAll(List.of(path));
            }
        }
        return files;
    }

    private static TreeMap<Long, Path> listIndexFiles(Path directory, Path checkpointPath) {
        TreeMap<Long, Path> paths = new TreeMap<>();
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(KeyIndexCheckpoint.temporaryOf(checkpointPath));
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory,
                    "*" + IndexFileDescriptor.FILE_SUFFIX)) {
                for (Path path : stream) {
                    String name = path.getFileName().toString();
                    String digits = name.substring(0, name.length() - IndexFileDescriptor.FILE_SUFFIX.length());
                    if (digits.matches("[0-9]{20}")) {
                        paths.put(Long.parseLong(digits), path);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot list key index directory " + directory, e);
        }
        return paths;
    }

    private static void deleteAll(Iterable<Path> paths) {
        for (Path path : List.copyOf(toList(paths))) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new StoreException(StoreException.Category.IO, "cannot delete key index file " + path, e);
            }
        }
    }

    private static List<Path> toList(Iterable<Path> paths) {
        List<Path> list = new ArrayList<>();
        paths.forEach(list::add);
        return list;
    }
}
