package dev.tia.engine.git;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The change from a base commit to the working tree: what was committed since base plus what is staged,
 * unstaged or untracked (not ignored).
 *
 * <p>Only paths that git status or the committed diff name are compared, so the cost follows the size of the
 * change, not of the repository: git's index already knows which files are untouched.
 */
final class WorkingTreeDiff {

    private final Path workTree;

    WorkingTreeDiff(Path workTree) {
        this.workTree = workTree;
    }

    /** The blob ids that some paths have at the base commit: those it holds as files or links, no others. */
    @FunctionalInterface
    interface IdsAtBase {
        Map<String, ObjectId> of(Set<String> paths) throws IOException;
    }

    /**
     * @param atBase the base's blob ids of the paths the change names
     * @param index git's index, as read with the status
     */
    List<FileChange> diff(IdsAtBase atBase, List<FileChange> committed, StatusSets status, GitIndex index) throws IOException {
        Set<String> candidates = new TreeSet<>();
        for (FileChange change : committed) {
            candidates.add(change.path());
            change.oldPath().ifPresent(candidates::add);
        }
        candidates.addAll(status.added());
        candidates.addAll(status.changed());
        candidates.addAll(status.modified());
        candidates.addAll(status.removed());
        candidates.addAll(status.missing());
        candidates.addAll(status.untracked());
        candidates.addAll(status.conflicting());
        if (candidates.isEmpty()) {
            return List.of();
        }

        Map<String, ObjectId> idsAtBase = atBase.of(candidates);
        Map<String, FileChange> changes = new HashMap<>();
        for (String path : candidates) {
            Path file = workTree.resolve(path);
            boolean inWorkTree = Files.isRegularFile(file)
                    && (index.tracks(path) || status.untracked().contains(path));
            ObjectId baseId = idsAtBase.get(path);
            if (baseId == null && inWorkTree) {
                changes.put(path, FileChange.of(ChangeType.ADDED, path));
            } else if (baseId != null && !inWorkTree) {
                changes.put(path, FileChange.of(ChangeType.DELETED, path));
            } else if (baseId != null && !baseId.name().equals(ContentId.of(Files.readAllBytes(file)))) {
                changes.put(path, FileChange.of(ChangeType.MODIFIED, path));
            }
        }
        // A rename committed since base still stands when its old path is gone and its new path is new.
        for (FileChange change : committed) {
            if (change.change() == ChangeType.RENAMED) {
                String oldPath = change.oldPath().orElseThrow();
                FileChange old = changes.get(oldPath);
                FileChange added = changes.get(change.path());
                if (old != null && old.change() == ChangeType.DELETED && added != null && added.change() == ChangeType.ADDED) {
                    changes.remove(oldPath);
                    changes.put(change.path(), change);
                }
            }
        }
        return new ArrayList<>(changes.values());
    }

    /** The ids of {@code paths} in commit {@code base}'s tree, read from the object database. */
    static Map<String, ObjectId> idsAt(Repository repository, RevCommit base, Set<String> paths) throws IOException {
        Map<String, ObjectId> ids = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(base.getTree());
            walk.setRecursive(true);
            walk.setFilter(PathFilterGroup.createFromStrings(paths));
            while (walk.next()) {
                if (walk.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
                    ids.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        }
        return ids;
    }
}
