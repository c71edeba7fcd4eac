package org.cairnmq.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.cairnmq.server.store.internal.DurableRename;

/**
 * The durable record of transaction branches that outlive a crash: a prepared branch with its work,
 * or a branch whose outcome was decided heuristically and not yet forgotten. The store does not know
 * what a branch holds; keys and payloads are opaque bytes the broker encodes.
 *
 * <pre>
 *  one entry:  int length (of what follows the CRC) | int crc32c (over what follows it)
 *              | byte type (1 PUT, 2 REMOVE) | short keyLength | key | int payloadLength | payload
 * </pre>
 *
 * <p>Every {@link #put} and {@link #remove} is forced before it returns. Opening replays the file,
 * cuts a torn or corrupt tail (an entry whose force never returned, so nobody was told it was
 * durable), and rewrites the live entries into a fresh file (temp file, force, atomic rename) so the
 * file never grows with finished branches.
 *
 * <p>Owning thread: any; the methods are synchronized. A put forces the file, so callers keep it off
 * threads that must not block (the broker uses its flush thread).
 *
 * <p>Design note: branches are few and short-lived compared with messages, so one small file with a
 * force per change is enough; the CommitLog's group commit would be the place to scale it.
 */
public final class BranchJournal implements AutoCloseable {

    /** The journal's file name inside its directory. */
    public static final String FILE_NAME = "branches.journal";

    private static final byte TYPE_PUT = 1;
    private static final byte TYPE_REMOVE = 2;
    private static final int HEADER_BYTES = 2 * Integer.BYTES;
    private static final int MAX_ENTRY_BYTES = 256 * 1024 * 1024;

    private final Path file;
    private final Map<String, Entry> live;
    private FileChannel channel;

    /**
     * A live branch.
     *
     * @param key the branch's key
     * @param payload what the broker stored with it
     */
    public record Entry(byte[] key, byte[] payload) {
    }

    private BranchJournal(Path file, Map<String, Entry> live, FileChannel channel) {
        this.file = file;
        this.live = live;
        this.channel = channel;
    }

    /**
     * Opens (or creates) the journal in {@code directory} and recovers its live entries.
     *
     * @param directory the directory, created if missing
     * @return the open journal
     */
    public static BranchJournal open(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(FILE_NAME);
            Map<String, Entry> live = Files.exists(file) ? replay(file) : new LinkedHashMap<>();
            Path fresh = directory.resolve(FILE_NAME + ".tmp");
            try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (Entry entry : live.values()) {
                    writeFully(out, encode(TYPE_PUT, entry.key(), entry.payload()));
                }
                out.force(true);
            }
            DurableRename.replaceAtomically(fresh, file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new BranchJournal(file, live, channel);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot open the branch journal in " + directory, e);
        }
    }

    private static Map<String, Entry> replay(Path file) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
        Map<String, Entry> live = new LinkedHashMap<>();
        while (all.remaining() >= HEADER_BYTES) {
            int length = all.getInt();
            int crc = all.getInt();
            if (length < 1 + Short.BYTES + Integer.BYTES || length > all.remaining()) {
                break;
            }
            ByteBuffer body = all.slice(all.position(), length);
            if (crcOf(body.duplicate()) != crc) {
                break;
            }
            all.position(all.position() + length);
            byte type = body.get();
            byte[] key = new byte[Short.toUnsignedInt(body.getShort())];
            body.get(key);
            byte[] payload = new byte[body.getInt()];
            body.get(payload);
            if (type == TYPE_PUT) {
                live.put(hex(key), new Entry(key, payload));
            } else {
                live.remove(hex(key));
            }
        }
        return live;
    }

    /** @return the live entries, in the order they were first put */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(live.values());
    }

    /**
     * Stores (or replaces) a branch durably.
     *
     * @param key the branch's key, at most 65535 bytes
     * @param payload what to keep with it
     */
    public synchronized void put(byte[] key, byte[] payload) {
        append(encode(TYPE_PUT, key, payload));
        live.put(hex(key), new Entry(key.clone(), payload.clone()));
    }

    /**
     * Removes a branch durably; removing an unknown key does nothing.
     *
     * @param key the branch's key
     */
    public synchronized void remove(byte[] key) {
        if (live.remove(hex(key)) == null) {
            return;
        }
        if (live.isEmpty()) {
            truncate();
            return;
        }
        append(encode(TYPE_REMOVE, key, new byte[0]));
    }

    private void truncate() {
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot truncate " + file, e);
        }
    }

    private void append(ByteBuffer entry) {
        try {
            writeFully(channel, entry);
            channel.force(false);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot write " + file, e);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer entry) throws IOException {
        while (entry.hasRemaining()) {
            out.write(entry);
        }
    }

    private static ByteBuffer encode(byte type, byte[] key, byte[] payload) {
        if (key.length > 0xFFFF || payload.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("a branch key of " + key.length + " bytes or payload of "
                    + payload.length + " bytes is too large");
        }
        int length = 1 + Short.BYTES + key.length + Integer.BYTES + payload.length;
        ByteBuffer entry = ByteBuffer.allocate(HEADER_BYTES + length);
        entry.putInt(length).putInt(0).put(type).putShort((short) key.length).put(key).putInt(payload.length)
                .put(payload);
        entry.putInt(Integer.BYTES, crcOf(entry.slice(HEADER_BYTES, length)));
        return entry.flip().position(0).limit(HEADER_BYTES + length);
    }

    private static int crcOf(ByteBuffer body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return (int) crc.getValue();
    }

    private static String hex(byte[] key) {
        return HexFormat.of().formatHex(key);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot close " + file, e);
        }
    }
}
