package dev.tia.engine.source;

import com.google.common.collect.ImmutableSet;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFolder;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.io.FileBytes;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What earlier runs found in text resources, by content id (git's blob id), so that a warm run reads no resource
 * whose content git's index vouches for. Every run scans every text resource of every module for the names it may
 * hold; a repository's resources (test data in JSON and XML, messages in properties, Spring contexts) are often
 * megabytes: at 10k classes, 1,740 of them (4.3 MB) took a warm run's index from 20-30 to 320-360 ms.
 *
 * <p>One file beside the facts index, rewritten whole (atomically) when a run scanned a resource it did not hold; it
 * then keeps only the resources that run met. What a scan finds depends on the bytes alone, so a scan found by
 * content is the one reading the file would give. A missing or foreign file means scanning; a corrupt one is
 * reported once and every resource is scanned again.
 */
public final class ResourceScans {

    private static final String MAGIC = "tia-resources";
    static final int FORMAT_VERSION = 1;
    static final String FILE_NAME = "resources-v" + FORMAT_VERSION + ".bin";

    /** What a resource's text says, whatever its path: the names it writes and the words it writes as calls. */
    public record Scan(ImmutableSet<String> names, ImmutableSet<String> calledNames) {
        static final Scan NOTHING = new Scan(ImmutableSet.of(), ImmutableSet.of());
    }

    private final Path file;
    private final String tiaVersion;
    private final Map<String, Scan> stored;
    private final Map<String, Scan> used = new ConcurrentHashMap<>();
    private final AtomicInteger scanned = new AtomicInteger();
    private final Optional<String> problem;

    private ResourceScans(Path file, String tiaVersion, Map<String, Scan> stored, Optional<String> problem) {
        this.file = file;
        this.tiaVersion = tiaVersion;
        this.stored = stored;
        this.problem = problem;
    }

    /** Remembers nothing and writes nothing. */
    public static ResourceScans none() {
        return new ResourceScans(null, "", Map.of(), Optional.empty());
    }

    /** Loads what {@code dir} holds; anything unreadable means scanning every resource. */
    public static ResourceScans load(Path dir, String tiaVersion) {
        Path file = dir.resolve(FILE_NAME);
        try {
            CacheFraming.Payload payload = CacheFraming.unframe(FileBytes.read(file), MAGIC, FORMAT_VERSION, tiaVersion);
            ByteSource in = new ByteSource(payload.bytes(), payload.start(), payload.end());
            int count = in.count();
            Map<String, Scan> stored = new HashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                stored.put(in.text(), new Scan(readSet(in), readSet(in)));
            }
            if (!in.atEnd()) {
                throw new CacheFraming.CorruptException("bytes after the last entry");
            }
            return new ResourceScans(file, tiaVersion, stored, Optional.empty());
        } catch (NoSuchFileException | CacheFraming.ForeignException e) {
            return new ResourceScans(file, tiaVersion, Map.of(), Optional.empty());
        } catch (CacheFraming.CorruptException | RuntimeException e) {
            return new ResourceScans(file, tiaVersion, Map.of(), Optional.of("the stored resource scans " + file
                    + " are corrupt (" + e.getMessage() + "); reading the resources again"));
        } catch (IOException e) {
            return new ResourceScans(file, tiaVersion, Map.of(), Optional.of("the stored resource scans " + file
                    + " cannot be read (" + e.getMessage() + "); reading the resources again"));
        }
    }

    /** Why the stored scans were discarded, if they were. */
    public Optional<String> problem() {
        return problem;
    }

    /** How many resources this run read and scanned (none on a warm run whose resources git's index vouches for). */
    public int scanned() {
        return scanned.get();
    }

    /** The scan stored for {@code contentId}, kept when the scans are next written. Safe from any thread. */
    Optional<Scan> get(String contentId) {
        Scan known = stored.get(contentId);
        if (known != null) {
            used.put(contentId, known);
        }
        return Optional.ofNullable(known);
    }

    /** A scan this run made of the content {@code contentId}. Safe from any thread. */
    void put(String contentId, Scan scan) {
        scanned.incrementAndGet();
        used.put(contentId, scan);
    }

    /**
     * Writes the scans of this run when it made one the file does not hold.
     *
     * @return a problem to report, if they could not be written (the analysis itself is unaffected)
     */
    public Optional<String> save() {
        if (file == null || used.keySet().stream().allMatch(stored::containsKey)) {
            return Optional.empty();
        }
        try {
            ByteSink out = new ByteSink();
            out.varint(used.size());
            for (Map.Entry<String, Scan> entry : used.entrySet()) {
                out.text(entry.getKey());
                writeSet(out, entry.getValue().names());
                writeSet(out, entry.getValue().calledNames());
            }
            CacheFolder.write(file, CacheFraming.framed(MAGIC, FORMAT_VERSION, tiaVersion, out.toBytes()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot write the stored resource scans " + file + ": " + e.getMessage()
                    + " (the next run reads the resources again)");
        }
    }

    private static void writeSet(ByteSink out, ImmutableSet<String> values) {
        out.varint(values.size());
        values.forEach(out::text);
    }

    private static ImmutableSet<String> readSet(ByteSource in) throws CacheFraming.CorruptException {
        int count = in.count();
        ImmutableSet.Builder<String> values = ImmutableSet.builderWithExpectedSize(count);
        for (int i = 0; i < count; i++) {
            values.add(in.text());
        }
        return values.build();
    }
}
