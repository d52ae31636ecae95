package dev.tia.engine.graph;

import com.google.common.collect.ImmutableSortedMap;

import dev.tia.engine.git.IndexBasis;
import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFolder;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.io.FileBytes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a run's check found when it compared every file with a stored graph's: its files were the stored ones, path by
 * path in their modules and roots, each with its stored content but for paths git's status named, while git's index
 * had checksum {@code indexChecksum} (see {@link IndexBasis}). A later run with the same index and no path named that
 * this one did not name lists the same files with the same ids but for the named paths, so its check looks at those
 * alone (and at files whose facts it parsed), not at every file (see {@code GraphStore#namedPathsOtherContent}).
 *
 * @param storeId the stored graph's id (random, written with it): a listing of another store is never taken for it
 * @param namedPaths each path the run named, with whether it was among its Java files
 */
record CheckedListing(String storeId, String indexChecksum, ImmutableSortedMap<String, Boolean> namedPaths) {

    private static final String MAGIC = "tia-listing";
    private static final int FORMAT_VERSION = 1;
    static final String FILE_NAME = "listing-v" + FORMAT_VERSION + ".bin";

    /** Whether it holds for a run of the store {@code storeId} whose files follow from {@code basis}. */
    boolean holdsFor(String storeId, IndexBasis basis) {
        return this.storeId.equals(storeId) && indexChecksum.equals(basis.indexChecksum())
                && namedPaths.keySet().containsAll(basis.namedPaths());
    }

    /**
     * Whether it says what {@code other} says: field by field, not a record's own equality, whose first use costs 10 ms
     * of a fresh JVM.
     */
    boolean sameAs(CheckedListing other) {
        return storeId.equals(other.storeId) && indexChecksum.equals(other.indexChecksum) && namedPaths.equals(other.namedPaths);
    }

    /** The listing in {@code dir}, if one of this tia version is there and reads whole; nothing otherwise. */
    static Optional<CheckedListing> read(Path dir, String tiaVersion) {
        try {
            CacheFraming.Payload payload = CacheFraming.unframe(FileBytes.read(dir.resolve(FILE_NAME)), MAGIC,
                    FORMAT_VERSION, tiaVersion);
            ByteSource in = new ByteSource(payload.bytes(), payload.start(), payload.end());
            String storeId = in.text();
            String checksum = in.text();
            ImmutableSortedMap.Builder<String, Boolean> named = ImmutableSortedMap.naturalOrder();
            for (int i = in.count(); i > 0; i--) {
                named.put(in.text(), in.varint() == 1);
            }
            if (!in.atEnd()) {
                return Optional.empty();
            }
            return Optional.of(new CheckedListing(storeId, checksum, named.buildOrThrow()));
        } catch (IOException | RuntimeException e) {
            // Missing, of another version, or damaged: the check compares every file, as without it, and writes it again.
            return Optional.empty();
        }
    }

    /** Writes it into {@code dir}, replacing what is there; a problem to report if it cannot. */
    Optional<String> write(Path dir, String tiaVersion) {
        ByteSink out = new ByteSink();
        out.text(storeId);
        out.text(indexChecksum);
        out.varint(namedPaths.size());
        for (Map.Entry<String, Boolean> path : namedPaths.entrySet()) {
            out.text(path.getKey());
            out.varint(path.getValue() ? 1 : 0);
        }
        Path file = dir.resolve(FILE_NAME);
        try {
            CacheFolder.write(file, CacheFraming.framed(MAGIC, FORMAT_VERSION, tiaVersion, out.toBytes()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot write " + file + ": " + e.getMessage() + " (the next run compares every file with the stored graph)");
        }
    }
}
