package dev.tia.engine.git;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The files that differ between two commits, with renames detected. */
final class TreeDiff {

    private final Repository repository;

    TreeDiff(Repository repository) {
        this.repository = repository;
    }

    List<FileChange> diff(RevCommit from, RevCommit to) throws IOException {
        List<FileChange> changes = new ArrayList<>();
        if (from.getTree().equals(to.getTree())) {
            return changes;
        }
        try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            formatter.setDetectRenames(true);
            // git's default score, as the git command finds renames for a branch (see NativeCommittedChange)
            formatter.getRenameDetector().setRenameScore(NativeCommittedChange.RENAME_SCORE);
            for (DiffEntry entry : formatter.scan(from.getTree(), to.getTree())) {
                changes.add(switch (entry.getChangeType()) {
                    case ADD -> FileChange.of(ChangeType.ADDED, entry.getNewPath());
                    case MODIFY -> FileChange.of(ChangeType.MODIFIED, entry.getNewPath());
                    case DELETE -> FileChange.of(ChangeType.DELETED, entry.getOldPath());
                    case RENAME -> FileChange.renamed(entry.getOldPath(), entry.getNewPath());
                    // A copy leaves its source untouched: only the new file is a change.
                    case COPY -> FileChange.of(ChangeType.ADDED, entry.getNewPath());
                });
            }
        }
        return changes;
    }
}
