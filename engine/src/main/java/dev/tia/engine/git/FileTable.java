package dev.tia.engine.git;

import com.google.common.collect.ImmutableList;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tree's files, each once, in {@link String} order of their paths, with the blob id of each file whose content is
 * known without reading it (null where it is not: a file edited in the working tree, an untracked one).
 *
 * <p>git keeps its index and its trees in the byte order of the paths' UTF-8, which is {@code String} order for every
 * path but those mixing characters beyond U+FFFF with ones from U+E000: so the order is checked in one pass and
 * sorted only when it is not in order. A sorted set's copy of 67k paths and a map of their ids took 40-50 and 15 ms
 * of a warm run at 50k classes; a list, positions in it and binary search stand in for both.
 */
final class FileTable {

    private final ImmutableList<String> paths;
    private final String[] ids;

    private FileTable(ImmutableList<String> paths, String[] ids) {
        this.paths = paths;
        this.ids = ids;
    }

    /**
     * @param paths the files, taken as they are when in order and distinct, else sorted (the first of equal paths kept)
     * @param ids the files' blob ids, or null, at the same positions as {@code paths}
     */
    static FileTable of(String[] paths, String[] ids) {
        if (inOrder(paths)) {
            return new FileTable(ImmutableList.copyOf(paths), ids.clone());
        }
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < paths.length; i++) {
            if (!sorted.containsKey(paths[i])) {
                sorted.put(paths[i], ids[i]);
            }
        }
        return new FileTable(ImmutableList.copyOf(sorted.keySet()), sorted.values().toArray(String[]::new));
    }

    /**
     * Files known to be in order and distinct: git's index read in order, of ASCII paths, one stage of each (the check
     * of {@link #of} took 7-10 ms of every warm run at 50k classes).
     */
    static FileTable ofOrdered(String[] paths, String[] ids) {
        return new FileTable(ImmutableList.copyOf(paths), ids.clone());
    }

    /** This table with {@code others} joined, files whose id is not known (the untracked files joining git's index). */
    FileTable with(Collection<String> others) {
        if (others.isEmpty()) {
            return this;
        }
        FileTable more = of(others.toArray(String[]::new), new String[others.size()]);
        // A few files among many: each placed by binary search, the runs between copied whole.
        ImmutableList.Builder<String> joined = ImmutableList.builderWithExpectedSize(paths.size() + more.paths.size());
        String[] joinedIds = new String[paths.size() + more.paths.size()];
        int size = 0;
        int from = 0;
        for (String path : more.paths) {
            int found = Collections.binarySearch(paths.subList(from, paths.size()), path);
            int before = found >= 0 ? found : -found - 1;
            joined.addAll(paths.subList(from, from + before));
            System.arraycopy(ids, from, joinedIds, size, before);
            size += before;
            from += before;
            if (found < 0) { // else the next run copies it, with its id
                joined.add(path);
                size++;
            }
        }
        joined.addAll(paths.subList(from, paths.size()));
        System.arraycopy(ids, from, joinedIds, size, paths.size() - from);
        size += paths.size() - from;
        return new FileTable(joined.build(), Arrays.copyOf(joinedIds, size));
    }

    ImmutableList<String> paths() {
        return paths;
    }

    /** The position of {@code path} in {@link #paths()}, or a negative number when it is not there. */
    int position(String path) {
        return Collections.binarySearch(paths, path);
    }

    Optional<String> id(int position) {
        return Optional.ofNullable(ids[position]);
    }

    Optional<String> id(String path) {
        int position = position(path);
        return position >= 0 ? id(position) : Optional.empty();
    }

    private static boolean inOrder(String[] paths) {
        for (int i = 1; i < paths.length; i++) {
            if (paths[i - 1].compareTo(paths[i]) >= 0) {
                return false;
            }
        }
        return true;
    }
}
