package dev.tia.engine.git;

import org.eclipse.jgit.lib.ObjectId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was committed on a branch since it left its base, as the git command tells it: the merge-base of the base
 * and HEAD, the files that differ between the two commits (renames detected as {@code git diff -M} detects them), and
 * each such file's blob id at the merge-base. Two short git commands, where JGit's start, the first read of a pack's
 * index and a walk of both trees took 150-250 ms of a fresh JVM's run on a feature branch at 10k classes.
 *
 * <p>Empty, and JGit asked instead, whenever git cannot tell or could tell something JGit would not: no git command,
 * no merge-base, more than one merge-base (git and JGit may pick different ones), output this reader does not know.
 */
final class NativeCommittedChange {

    /** The similarity above which a deleted and an added file are one renamed file: git's default, and JGit's here. */
    static final int RENAME_SCORE = 50;
    /** How many files inexact renames are looked for among: JGit's default ({@code diff.renameLimit}). */
    static final int RENAME_LIMIT = 400;

    private final ObjectId mergeBase;
    private final List<FileChange> changes;
    /** Every path the diff names at the merge-base: its blob id there, or null where it held no blob. */
    private final Map<String, ObjectId> idsAtMergeBase;

    /** Whether a file became a link or a link a file ({@code T}): git calls it modified, JGit's diff of two commits not. */
    private final boolean typeChanged;

    private NativeCommittedChange(ObjectId mergeBase, List<FileChange> changes, Map<String, ObjectId> idsAtMergeBase,
            boolean typeChanged) {
        this.mergeBase = mergeBase;
        this.changes = List.copyOf(changes);
        this.idsAtMergeBase = idsAtMergeBase;
        this.typeChanged = typeChanged;
    }

    /** What was committed from the merge-base of {@code base} and {@code head} to {@code head}, in the checkout at {@code dir}. */
    static Optional<NativeCommittedChange> read(Path dir, ObjectId base, ObjectId head) {
        Optional<byte[]> bases = GitCommand.run(dir, "merge-base", "--all", base.name(), head.name());
        if (bases.isEmpty()) {
            return Optional.empty(); // none (git exits with 1), or git failed: JGit says which
        }
        List<String> lines = new String(bases.get(), StandardCharsets.UTF_8).lines().toList();
        if (lines.size() != 1 || !ObjectIds.isId(lines.get(0))) {
            return Optional.empty();
        }
        ObjectId mergeBase = ObjectIds.of(lines.get(0));
        if (mergeBase.equals(head)) {
            return Optional.of(new NativeCommittedChange(mergeBase, List.of(), Map.of(), false));
        }
        // Raw output, NUL-terminated fields, full ids; -M at git's default score, renames only (no copies), and
        // inexact renames looked for among at most JGit's default number of files (git's own, 1000, lets a branch
        // that moves many files compare a million pairs); submodules as JGit lists them, whatever the configuration.
        Optional<byte[]> diff = GitCommand.run(dir, "diff-tree", "-r", "-z", "--raw", "--no-abbrev", "--no-commit-id",
                "-M" + RENAME_SCORE + "%", "-l" + RENAME_LIMIT, "--no-ext-diff", "--ignore-submodules=none",
                mergeBase.name(), head.name());
        return diff.flatMap(output -> parse(mergeBase, output));
    }

    /**
     * Reads {@code git diff-tree -r -z --raw} output: for each file {@code :srcmode dstmode srcid dstid status},
     * then the path, or for a rename or copy the old path and the new one, each ended by NUL.
     */
    static Optional<NativeCommittedChange> parse(ObjectId mergeBase, byte[] output) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < output.length; i++) {
            if (output[i] == 0) {
                fields.add(new String(output, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start != output.length) {
            return Optional.empty(); // cut off
        }
        List<FileChange> changes = new ArrayList<>();
        Map<String, ObjectId> ids = new HashMap<>();
        boolean typeChanged = false;
        int i = 0;
        while (i < fields.size()) {
            String[] meta = fields.get(i).split(" ");
            if (meta.length != 5 || !meta[0].startsWith(":") || meta[4].isEmpty() || !ObjectIds.isId(meta[2])) {
                return Optional.empty();
            }
            char status = meta[4].charAt(0);
            boolean twoPaths = status == 'R' || status == 'C';
            if (i + (twoPaths ? 2 : 1) >= fields.size()) {
                return Optional.empty();
            }
            String path = fields.get(i + 1);
            String newPath = twoPaths ? fields.get(i + 2) : path;
            i += twoPaths ? 3 : 2;
            // A blob at the merge-base: a file or a link (mode 100644, 100755, 120000); not a submodule (160000).
            String oldMode = meta[0].substring(1);
            ObjectId oldId = oldMode.startsWith("10") || oldMode.equals("120000") ? ObjectIds.of(meta[2]) : null;
            switch (status) {
                case 'A' -> changes.add(FileChange.of(ChangeType.ADDED, path));
                case 'D' -> changes.add(FileChange.of(ChangeType.DELETED, path));
                case 'M' -> changes.add(FileChange.of(ChangeType.MODIFIED, path));
                case 'T' -> {
                    changes.add(FileChange.of(ChangeType.MODIFIED, path));
                    typeChanged = true;
                }
                case 'R' -> changes.add(FileChange.renamed(path, newPath));
                // A copy leaves its source untouched: only the new file is a change (as TreeDiff has it).
                case 'C' -> changes.add(FileChange.of(ChangeType.ADDED, newPath));
                default -> {
                    return Optional.empty(); // U (unmerged) or X: not a diff of two commits this reader knows
                }
            }
            if (twoPaths) {
                ids.put(newPath, null); // not at the merge-base
            }
            if (status != 'C') { // a copy's source is unchanged: its id is HEAD's, as for a path the diff does not name
                ids.put(path, status == 'A' ? null : oldId);
            }
        }
        return Optional.of(new NativeCommittedChange(mergeBase, changes, ids, typeChanged));
    }

    ObjectId mergeBase() {
        return mergeBase;
    }

    /** The files that differ between the merge-base and HEAD's commit. */
    List<FileChange> changes() {
        return changes;
    }

    /**
     * Whether JGit's diff of the same two commits (see {@link TreeDiff}) lists these changes too. Not where a file
     * became a link or a link a file (git's diff calls that modified, JGit's has the file deleted and added), nor
     * where a rename could be paired: git and JGit score similarity each their own way and pair equal scores each
     * their own way (a deleted test and two new ones much like it: each named another the renamed one), so any
     * deleted file beside an added one, or a rename, may be told otherwise.
     */
    boolean sameAsJgitDiff() {
        if (typeChanged) {
            return false;
        }
        boolean added = false;
        boolean deleted = false;
        for (FileChange change : changes) {
            added |= change.change() == ChangeType.ADDED || change.change() == ChangeType.RENAMED;
            deleted |= change.change() == ChangeType.DELETED || change.change() == ChangeType.RENAMED;
        }
        return !(added && deleted);
    }

    /** Whether the diff names {@code path}: only then can its blob at the merge-base differ from HEAD's. */
    boolean names(String path) {
        return idsAtMergeBase.containsKey(path);
    }

    /** The blob ids at the merge-base of those {@code paths} the diff names (where they held one). */
    Map<String, ObjectId> idsAtMergeBase(Collection<String> paths) {
        Map<String, ObjectId> ids = new HashMap<>();
        for (String path : paths) {
            ObjectId id = idsAtMergeBase.get(path);
            if (id != null) {
                ids.put(path, id);
            }
        }
        return ids;
    }
}
