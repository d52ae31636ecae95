package dev.tia.engine.git;

import dev.tia.engine.TiaException;
import dev.tia.engine.io.FileBytes;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What tia needs of git's index ({@code .git/index}): each entry's path, stage, kind and blob id, in the index's order.
 *
 * <p>Read from the file itself (versions 2 to 4) rather than through JGit's {@link DirCache}, which computes the file's
 * SHA-1 as it reads to check the trailer: at 67k entries (a 7.8 MB index) that took 50-70 ms of a core of every run
 * that looks at the working tree, beside git's own status, and git itself does not check it on a normal read either.
 * An index this reader does not know (another object format, a required extension it does not know, a file that
 * does not add up) is read by JGit, as before; a split or sparse index, which JGit cannot read either, is an error
 * that says how to turn it off.
 */
final class GitIndex {

    /** An entry's kind, from the object type bits of its mode. */
    enum Kind { FILE, LINK, GITLINK }

    private static final int SIGNATURE = 0x44495243; // "DIRC"
    private static final int HEADER = 12;
    private static final int ID_BYTES = 20;
    /** ctime, mtime, dev, ino, mode, uid, gid, size (4 bytes each, the times 8), the id, the flags. */
    private static final int ENTRY_FIXED = 40 + ID_BYTES + 2;
    private static final int MODE_OFFSET = 24;
    private static final int EXTENDED = 0x4000;
    private static final int INTENT_TO_ADD = 0x2000;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final String[] paths;
    private final int[] stages;
    private final Kind[] kinds;
    /** Null for an entry added with intent to add (its id names no content yet) and for one that is no stage 0. */
    private final String[] ids;
    /**
     * Whether the paths, as read from the file, are all ASCII and in the byte order git keeps them in: then they are
     * in {@code String} order, with nothing more to check (see {@link #find}).
     */
    private final boolean ordered;
    /** Null until {@link #find} first asks; then every path's entry when they are not in order, else none. */
    private Map<String, Integer> unordered;
    /** The tree whose files are exactly the entries, from a valid root of git's cache tree; null when not known. */
    private final String tree;
    /** The index file's trailer, a SHA-1 of all of it before; null when unknown (see {@link #checksum}). */
    private final String checksum;

    private GitIndex(String[] paths, int[] stages, Kind[] kinds, String[] ids, boolean ordered, String tree) {
        this(paths, stages, kinds, ids, ordered, tree, null);
    }

    private GitIndex(String[] paths, int[] stages, Kind[] kinds, String[] ids, boolean ordered, String tree,
            String checksum) {
        this.paths = paths;
        this.stages = stages;
        this.kinds = kinds;
        this.ids = ids;
        this.ordered = ordered;
        this.unordered = ordered ? Map.of() : null;
        this.tree = tree;
        this.checksum = checksum;
    }

    /** The index of {@code repository}; empty when it has none yet. */
    static GitIndex read(Repository repository) throws IOException {
        String objectFormat = repository.getConfig().getString("extensions", null, "objectformat");
        if (objectFormat != null && !objectFormat.equalsIgnoreCase("sha1")) {
            return of(repository.readDirCache()); // ids of another length
        }
        return read(repository.getIndexFile().toPath(), repository::readDirCache);
    }

    /** JGit's reading of an index. */
    @FunctionalInterface
    interface JgitReader {
        DirCache read() throws IOException;
    }

    /**
     * The index in {@code file} of a repository whose ids are SHA-1 ones; empty when there is none yet. An index of
     * a form this reader does not know is read by {@code jgit}.
     */
    static GitIndex read(Path file, JgitReader jgit) throws IOException {
        byte[] bytes;
        try {
            bytes = FileBytes.read(file);
        } catch (NoSuchFileException e) {
            return new GitIndex(new String[0], new int[0], new Kind[0], new String[0], true, null);
        }
        GitIndex index = parse(bytes);
        return index != null ? index : of(jgit.read());
    }

    /** The entries as JGit read them. */
    static GitIndex of(DirCache cache) {
        int count = cache.getEntryCount();
        GitIndex index = new GitIndex(new String[count], new int[count], new Kind[count], new String[count], false, null);
        for (int i = 0; i < count; i++) {
            DirCacheEntry entry = cache.getEntry(i);
            FileMode mode = entry.getFileMode();
            index.paths[i] = entry.getPathString();
            index.stages[i] = entry.getStage();
            index.kinds[i] = mode == FileMode.GITLINK ? Kind.GITLINK : mode == FileMode.SYMLINK ? Kind.LINK : Kind.FILE;
            index.ids[i] = entry.getStage() == DirCacheEntry.STAGE_0 && !entry.isIntentToAdd() ? entry.getObjectId().name() : null;
        }
        return index;
    }

    /** The entries of an index file's bytes, or null when this reader does not know its form. */
    static GitIndex parse(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER + ID_BYTES || buffer.getInt(0) != SIGNATURE) {
            return null;
        }
        int version = buffer.getInt(4);
        int count = buffer.getInt(8);
        if (version < 2 || version > 4 || count < 0 || count > bytes.length / ENTRY_FIXED) {
            return null;
        }
        int[] starts = new int[count];
        int[] nameStarts = new int[count];
        int[] nameLengths = new int[count];
        int[] flags = new int[count];
        String[] paths = new String[count];
        boolean[] unsure = new boolean[count]; // a path not ASCII, or out of order
        int end = bytes.length - ID_BYTES; // the trailer
        int at = HEADER;
        byte[] previous = new byte[0];
        for (int i = 0; i < count; i++) {
            if (at + ENTRY_FIXED > end) {
                return null;
            }
            starts[i] = at;
            int flag = buffer.getShort(at + ENTRY_FIXED - 2) & 0xffff;
            int extended = 0;
            int nameStart = at + ENTRY_FIXED;
            if ((flag & EXTENDED) != 0) {
                if (version < 3 || nameStart + 2 > end) {
                    return null;
                }
                extended = buffer.getShort(nameStart) & 0xffff;
                nameStart += 2;
            }
            flags[i] = flag << 16 | extended;
            if (version == 4) {
                // Each path is the previous one with its last N bytes replaced: read in order, here.
                long strip = 0;
                int c;
                int next = nameStart;
                do {
                    if (next >= end) {
                        return null;
                    }
                    c = bytes[next++] & 0xff;
                    strip = next - 1 == nameStart ? c & 0x7f : ((strip + 1) << 7) + (c & 0x7f);
                    if (strip > previous.length) {
                        return null;
                    }
                } while ((c & 0x80) != 0);
                int nul = nulFrom(bytes, next, end);
                if (nul < 0) {
                    return null;
                }
                int kept = previous.length - (int) strip;
                byte[] path = Arrays.copyOf(previous, kept + nul - next);
                System.arraycopy(bytes, next, path, kept, nul - next);
                boolean ascii = isAscii(path, 0, path.length);
                paths[i] = pathOf(path, 0, path.length, ascii);
                unsure[i] = !ascii || Arrays.compareUnsigned(previous, path) > 0;
                previous = path;
                at = nul + 1;
            } else {
                int length = flag & 0xfff;
                int nul = length < 0xfff ? nameStart + length : nulFrom(bytes, nameStart, end);
                if (nul < 0 || nul >= end || bytes[nul] != 0) {
                    return null;
                }
                nameStarts[i] = nameStart;
                nameLengths[i] = nul - nameStart;
                // NUL-padded to a multiple of eight bytes from the entry's start, with at least one NUL.
                at = starts[i] + ((nul - starts[i] + 8) & ~7);
            }
        }
        if (!requiredExtensionsKnown(bytes, buffer, at, end)) {
            return null;
        }
        String tree = treeOfAll(bytes, buffer, at, end, count);
        int[] stages = new int[count];
        Kind[] kinds = new Kind[count];
        String[] ids = new String[count];
        // The text of 67k paths and ids is most of the work: on every core (the index is read beside git's status).
        IntStream.range(0, count).parallel().forEach(i -> {
            if (paths[i] == null) {
                boolean ascii = isAscii(bytes, nameStarts[i], nameLengths[i]);
                paths[i] = pathOf(bytes, nameStarts[i], nameLengths[i], ascii);
                unsure[i] = !ascii;
                // After the one before, in byte order (a conflict's stages repeat a path): compared as bytes, eight at
                // a time, where comparing the decoded paths went a character at a time.
                unsure[i] |= i > 0 && Arrays.compareUnsigned(bytes, nameStarts[i - 1], nameStarts[i - 1] + nameLengths[i - 1],
                        bytes, nameStarts[i], nameStarts[i] + nameLengths[i]) > 0;
            }
            int flag = flags[i] >>> 16;
            stages[i] = (flag >> 12) & 3;
            int type = buffer.getInt(starts[i] + MODE_OFFSET) & 0xf000;
            kinds[i] = type == 0xe000 ? Kind.GITLINK : type == 0xa000 ? Kind.LINK : Kind.FILE;
            if (stages[i] == 0 && (flags[i] & INTENT_TO_ADD) == 0) {
                ids[i] = hex(bytes, starts[i] + 40);
            }
        });
        boolean ordered = true;
        for (boolean pathUnsure : unsure) {
            ordered &= !pathUnsure;
        }
        // git writes a trailer of zeros with index.skipHash: no checksum of anything then.
        boolean hashed = false;
        for (int i = end; i < bytes.length; i++) {
            hashed |= bytes[i] != 0;
        }
        return new GitIndex(paths, stages, kinds, ids, ordered, tree, hashed ? hex(bytes, end) : null);
    }

    int size() {
        return paths.length;
    }

    /**
     * The id of the tree whose files are exactly this index's entries, when git's cache tree says so: its root is
     * valid and covers every entry. git keeps that root valid only while the entries are the tree's (it writes
     * commits from it, and drops it on any staged change, conflict or entry added with intent to add), and a checkout
     * or a commit makes it valid: then the index is that tree's listing, ids and all. Empty when git's reader left no
     * cache tree, or it is not valid.
     */
    Optional<String> tree() {
        return Optional.ofNullable(tree);
    }

    /**
     * The index file's checksum, its trailer: two index files with one checksum hold the same entries, ids, stat data
     * and extensions. Empty when the index was read by JGit, there is none, or git wrote no checksum (index.skipHash).
     */
    Optional<String> checksum() {
        return Optional.ofNullable(checksum);
    }

    /** Whether the paths are known to be in {@code String} order (see {@link #ordered}). */
    boolean inStringOrder() {
        return ordered;
    }

    String path(int entry) {
        return paths[entry];
    }

    int stage(int entry) {
        return stages[entry];
    }

    Kind kind(int entry) {
        return kinds[entry];
    }

    /** The blob id of a stage-0 entry, or null (see {@link #ids}). */
    String id(int entry) {
        return ids[entry];
    }

    /**
     * Whether {@code path} has an entry, at any stage. The index is in the byte order of the paths' UTF-8, which is
     * the order of their code points: the search compares those. A path that is no valid UTF-8 is decoded with
     * replacement characters, which may not keep that order: the paths are checked to be in order once, on the first
     * call, and looked up in a map of them when they are not. Paths all ASCII, found in order as the file was read,
     * need no more. (That check compared every path with the next one a character at a time: 20 ms of every warm run
     * with a change at 50k classes.)
     */
    boolean tracks(String path) {
        return find(path) >= 0;
    }

    /** The entry of {@code path} (one of them, for a conflict's stages), or -1 when it has none (see {@link #tracks}). */
    int find(String path) {
        if (unordered == null) {
            unordered = !inCodePointOrder(paths) ? positions(paths) : Map.of();
        }
        if (!unordered.isEmpty()) {
            return unordered.getOrDefault(path, -1);
        }
        int low = 0;
        int high = paths.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = ordered ? paths[middle].compareTo(path) : compareCodePoints(paths[middle], path);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    private static Map<String, Integer> positions(String[] paths) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < paths.length; i++) {
            positions.put(paths[i], i);
        }
        return positions;
    }

    private static boolean inCodePointOrder(String[] paths) {
        for (int i = 1; i < paths.length; i++) {
            if (compareCodePoints(paths[i - 1], paths[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /**
     * Whether every extension after the entries is one this reader may pass over: those named with an upper-case
     * letter are optional (caches), lower-case ones change what the entries mean.
     *
     * @throws TiaException for a split or a sparse index ({@code link}, {@code sdir})
     */
    private static boolean requiredExtensionsKnown(byte[] bytes, ByteBuffer buffer, int at, int end) {
        while (at + 8 <= end) {
            byte first = bytes[at];
            long size = buffer.getInt(at + 4) & 0xffffffffL;
            String name = new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
            // Neither tia's reader nor JGit's knows these (JGit fails with "Invalid path"): say what to do instead.
            if (name.equals("link")) {
                throw new TiaException("git's index is split (core.splitIndex), which tia cannot read: turn it off with"
                        + " git update-index --no-split-index (and git config core.splitIndex false)");
            }
            if (name.equals("sdir")) {
                throw new TiaException("git's index is sparse (index.sparse), which tia cannot read: turn it off with"
                        + " git sparse-checkout init --no-sparse-index");
            }
            if (first < 'A' || first > 'Z' || at + 8 + size > end) {
                return false;
            }
            at += 8 + (int) size;
        }
        return at == end;
    }

    /**
     * The root's tree id in the cache-tree extension ({@code TREE}) among the extensions from {@code at}, when the
     * root is valid and covers all {@code entries}; else null. The root comes first: an empty path, then the number of
     * entries it covers (-1 when invalid) and of its subtrees in ASCII, a newline, and the tree's id when valid.
     */
    private static String treeOfAll(byte[] bytes, ByteBuffer buffer, int at, int end, int entries) {
        while (at + 8 <= end) {
            long size = buffer.getInt(at + 4) & 0xffffffffL;
            int data = at + 8;
            if (data + size > end) {
                return null;
            }
            if (bytes[at] == 'T' && bytes[at + 1] == 'R' && bytes[at + 2] == 'E' && bytes[at + 3] == 'E') {
                int limit = data + (int) size;
                if (size < 1 || bytes[data] != 0) {
                    return null; // the root's path is empty
                }
                int newline = data + 1;
                while (newline < limit && bytes[newline] != '\n') {
                    newline++;
                }
                if (newline + 1 + ID_BYTES > limit) {
                    return null; // cut short
                }
                String counts = new String(bytes, data + 1, newline - data - 1, StandardCharsets.US_ASCII);
                int space = counts.indexOf(' ');
                if (space < 0 || !counts.substring(0, space).equals(Integer.toString(entries))) {
                    return null; // invalid (-1), or not over every entry
                }
                return hex(bytes, newline + 1);
            }
            at = data + (int) size;
        }
        return null;
    }

    private static int nulFrom(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A path as JGit's {@link DirCacheEntry#getPathString()} decodes it (UTF-8, malformed bytes replaced); an ASCII
     * path, nearly every one, copied without a decoder.
     */
    private static String pathOf(byte[] bytes, int start, int length, boolean ascii) {
        return ascii ? new String(bytes, start, length, StandardCharsets.ISO_8859_1)
                : StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, start, length)).toString();
    }

    private static String hex(byte[] bytes, int start) {
        byte[] hex = new byte[ID_BYTES * 2];
        for (int i = 0; i < ID_BYTES; i++) {
            hex[2 * i] = HEX[(bytes[start + i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[bytes[start + i] & 0xf];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }
}
