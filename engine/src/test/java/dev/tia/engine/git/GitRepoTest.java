package dev.tia.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tia.engine.TiaException;
import dev.tia.fixtures.FixtureRepo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Change detection on real repositories made by the test, including the inputs users get wrong. */
class GitRepoTest {

    @TempDir
    Path dir;

    private FixtureRepo repoWithOneCommit() {
        return FixtureRepo.init(dir).write("a.txt", "a\n").write("b.txt", "b\n").write("c.txt", "c\n")
                .write(".gitignore", "ignored/\n").commitAll("first");
    }

    private ChangeSet workingTreeChanges() {
        try (GitRepo git = GitRepo.open(dir)) {
            return git.changes(Optional.empty(), Optional.empty());
        }
    }

    @Test
    void workingTreeIncludesStagedUnstagedUntrackedAndDeletedButNotIgnored() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("a.txt", "a changed\n");
            repo.write("staged.txt", "new\n");
            repo.git().add().addFilepattern("staged.txt").call();
            repo.write("untracked.txt", "new\n");
            repo.write("ignored/out.txt", "build output\n");
            repo.delete("b.txt");
            repo.write("c.txt", "c changed\n").write("c.txt", "c\n"); // changed and changed back: no change
        }
        assertThat(workingTreeChanges().changes()).containsExactly(
                FileChange.of(ChangeType.MODIFIED, "a.txt"),
                FileChange.of(ChangeType.DELETED, "b.txt"),
                FileChange.of(ChangeType.ADDED, "staged.txt"),
                FileChange.of(ChangeType.ADDED, "untracked.txt"));
        assertThat(workingTreeChanges().head()).isEqualTo(ChangeSet.WORKTREE);
    }

    @Test
    void jgitAndTheGitCommandAgreeOnTheWorkingTree() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("a.txt", "a changed\n").write("staged.txt", "new\n").write("dir with space/ü.txt", "x\n");
            repo.git().add().addFilepattern("staged.txt").call();
            repo.write("staged.txt", "new, then edited\n");
            repo.delete("b.txt");
            repo.write("ignored/out.txt", "x\n");
        }
        try (GitRepo jgit = GitRepo.open(dir, false, false); GitRepo git = GitRepo.open(dir, true, true)) {
            ChangeSet viaJgit = jgit.changes(Optional.empty(), Optional.empty());
            assertThat(git.changes(Optional.empty(), Optional.empty()).changes()).isEqualTo(viaJgit.changes());
            assertThat(viaJgit.changes()).extracting(FileChange::path)
                    .containsExactly("a.txt", "b.txt", "dir with space/ü.txt", "staged.txt");
            assertThat(git.tree(ChangeSet.WORKTREE).files()).isEqualTo(jgit.tree(ChangeSet.WORKTREE).files());
            assertThat(git.tree(ChangeSet.WORKTREE).contentId("staged.txt")).isEmpty(); // edited after staging
            assertThat(git.tree(ChangeSet.WORKTREE).contentId("c.txt")).isPresent();
            // what git's index holds of a file edited since: the staged blob, as JGit reads the index
            assertThat(git.tree(ChangeSet.WORKTREE).indexedId("staged.txt")).isPresent()
                    .isEqualTo(jgit.tree(ChangeSet.WORKTREE).indexedId("staged.txt"));
            assertThat(git.tree(ChangeSet.WORKTREE).indexedId("a.txt")).isPresent()
                    .isEqualTo(jgit.tree(ChangeSet.WORKTREE).indexedId("a.txt"));
        }
        // Opened from a folder inside the working tree, with the status asked for at once: the same paths.
        try (GitRepo jgit = GitRepo.open(dir, false, false); GitRepo git = GitRepo.open(dir.resolve("dir with space"), true, true)) {
            assertThat(git.changes(Optional.empty(), Optional.empty()).changes())
                    .isEqualTo(jgit.changes(Optional.empty(), Optional.empty()).changes());
        }
    }

    /**
     * git's status names a new folder, not its files (the mode its untracked cache serves): tia lists the files in it
     * as JGit does, ignored ones left out and a repository inside kept out of the files, also when git's untracked
     * cache was written before the folders were made.
     */
    @Test
    void filesInNewFoldersAreListedAsJgitListsThem() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write(".gitignore", "ignored/\n*.log\n").write("old/kept.txt", "k\n").commitAll("second");
            FixtureRepo.runGit(dir, "config", "core.untrackedCache", "true");
            FixtureRepo.runGit(dir, "update-index", "--untracked-cache");
            FixtureRepo.runGit(dir, "status"); // writes the untracked cache, before the new folders exist
            repo.write("new/deep/er/X.java", "class X {}\n").write("new/out.log", "log\n").write("new/[*].txt", "x\n")
                    .write("dir with space/ü/f.txt", "f\n").write("only-ignored/i.log", "i\n")
                    .write("old/fresh.txt", "f\n").write("top.txt", "t\n").write("new/nested/inner.txt", "i\n");
            FixtureRepo.runGit(dir.resolve("new/nested"), "init", "-q");
        }
        try (GitRepo jgit = GitRepo.open(dir, false, false); GitRepo git = GitRepo.open(dir.resolve("old"), true, true)) {
            ChangeSet viaJgit = jgit.changes(Optional.empty(), Optional.empty());
            assertThat(viaJgit.changes()).extracting(FileChange::path).containsExactly("dir with space/ü/f.txt",
                    "new/[*].txt", "new/deep/er/X.java", "old/fresh.txt", "top.txt");
            assertThat(git.changes(Optional.empty(), Optional.empty()).changes()).isEqualTo(viaJgit.changes());
            assertThat(git.tree(ChangeSet.WORKTREE).files()).isEqualTo(jgit.tree(ChangeSet.WORKTREE).files());
        }
        assertThat(NativeGitStatus.read(dir).orElseThrow().untracked()).containsExactlyInAnyOrder("dir with space/ü/f.txt",
                "new/[*].txt", "new/deep/er/X.java", "new/nested/", "old/fresh.txt", "top.txt");
    }

    /** More new folders than a command line names: their files come from a listing of every untracked file. */
    @Test
    void filesInManyNewFoldersAreListedAsJgitListsThem() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            for (int i = 0; i <= NativeGitStatus.MAX_FOLDERS_NAMED; i++) {
                repo.write("new" + i + "/F.java", "class F {}\n").write("new" + i + "/ignored/out.txt", "x\n");
            }
            repo.write("top.txt", "t\n").write("a.txt", "a changed\n");
        }
        try (GitRepo jgit = GitRepo.open(dir, false, false); GitRepo git = GitRepo.open(dir.resolve("new7"), true, true)) {
            ChangeSet viaJgit = jgit.changes(Optional.empty(), Optional.empty());
            assertThat(viaJgit.changes()).hasSize(NativeGitStatus.MAX_FOLDERS_NAMED + 3);
            assertThat(git.changes(Optional.empty(), Optional.empty()).changes()).isEqualTo(viaJgit.changes());
        }
    }

    /** The list every analysis walks: in path order with the untracked files among the tracked, each clean file with its committed id. */
    @Test
    void theWorkingTreeListsEveryFileInPathOrderWithTheIdsOfCleanFiles() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("m/ü.txt", "u\n").write("m/z.txt", "z\n").commitAll("second");
            repo.write("m/new.txt", "new\n").write("d.txt", "d\n").write("m/z.txt", "z edited\n");
        }
        try (GitRepo git = GitRepo.open(dir, true, true)) {
            ChangeSet changes = git.changes(Optional.of("HEAD"), Optional.empty());
            SourceTree worktree = git.tree(ChangeSet.WORKTREE);
            SourceTree head = git.tree(git.changes(Optional.of("HEAD"), Optional.of("HEAD")).baseCommit());

            assertThat(changes.changes()).extracting(FileChange::path).containsExactly("d.txt", "m/new.txt", "m/z.txt");
            assertThat(worktree.files()).containsExactly(".gitignore", "a.txt", "b.txt", "c.txt", "d.txt", "m/new.txt",
                    "m/z.txt", "m/ü.txt");
            for (int i = 0; i < worktree.files().size(); i++) {
                String path = worktree.files().get(i);
                assertThat(worktree.contains(path)).isTrue();
                assertThat(worktree.contentIdAt(i)).as(path).isEqualTo(worktree.contentId(path))
                        .isEqualTo(Set.of("d.txt", "m/new.txt", "m/z.txt").contains(path) ? Optional.empty() : head.contentId(path));
            }
            assertThat(worktree.indexedId("m/z.txt")).as("edited: the blob git's index holds").isPresent()
                    .isEqualTo(head.contentId("m/z.txt"));
            assertThat(worktree.indexedId("a.txt")).isEqualTo(head.contentId("a.txt"));
            assertThat(worktree.indexedId("m/new.txt")).as("untracked").isEmpty();
            assertThat(worktree.read("m/ü.txt")).isEqualTo("u\n".getBytes(StandardCharsets.UTF_8));
            assertThat(worktree.contains("m/y.txt")).isFalse();
        }
    }

    /** A status started ahead (by the CLI, before it reads its arguments) is taken once, by an open of that folder. */
    @Test
    void aStatusStartedAheadIsTakenOnceByTheSameFolder() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("a.txt", "a changed\n");
        }
        var ahead = NativeGitStatus.startAhead(dir.resolve("."));
        assertThat(NativeGitStatus.start(dir.resolve("sub/.."))).isSameAs(ahead);
        assertThat(NativeGitStatus.start(dir)).isNotSameAs(ahead);
        var elsewhere = NativeGitStatus.startAhead(dir.resolve("other"));
        assertThat(NativeGitStatus.start(dir)).isNotSameAs(elsewhere);
        assertThat(ahead.get().orElseThrow().modified()).containsExactly("a.txt");

        var checkoutAhead = NativeCheckout.startAhead(dir, List.of("HEAD"));
        assertThat(NativeCheckout.start(dir.resolve("sub/.."), List.of("HEAD"))).isSameAs(checkoutAhead);
        assertThat(NativeCheckout.start(dir, List.of("HEAD"))).isNotSameAs(checkoutAhead);

        GitRepo.startAhead(dir, Optional.empty());
        try (GitRepo git = GitRepo.openWithWorkingTree(dir)) {
            assertThat(git.changes(Optional.empty(), Optional.empty()).changes())
                    .containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"));
        }
    }

    /**
     * A merge that stopped on a conflict leaves git's index with the path at stages 1-3: the working tree lists it
     * once (ours, stage 2) and knows no content id for it (the file on disk holds the conflict markers), the same
     * with the git command's status and with JGit's.
     */
    @Test
    void aConflictedPathIsListedOnceWithoutAContentId() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.git().branchCreate().setName("other").call();
            repo.write("a.txt", "ours\n").commitAll("ours");
            repo.git().checkout().setName("other").call();
            repo.write("a.txt", "theirs\n").commitAll("theirs");
            repo.git().checkout().setName("main").call();
            MergeResult merge = repo.git().merge().include(repo.git().getRepository().resolve("other")).call();
            assertThat(merge.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.CONFLICTING);
        }
        try (GitRepo jgit = GitRepo.open(dir, false, false); GitRepo git = GitRepo.open(dir, true, true)) {
            SourceTree viaGit = git.tree(ChangeSet.WORKTREE);
            assertThat(viaGit.files()).containsExactly(".gitignore", "a.txt", "b.txt", "c.txt");
            assertThat(viaGit.files()).isEqualTo(jgit.tree(ChangeSet.WORKTREE).files());
            assertThat(viaGit.contentId("a.txt")).isEmpty();
            assertThat(viaGit.contentId("b.txt")).isPresent().isEqualTo(jgit.tree(ChangeSet.WORKTREE).contentId("b.txt"));
        }
    }

    @Test
    void porcelainStatusIsParsed() {
        StatusSets status = NativeGitStatus.parse("M  staged.txt\0 M edited.txt\0A  new.txt\0D  gone.txt\0 D lost.txt\0"
                + "?? fresh.txt\0UU both.txt\0MM twice.txt\0");
        assertThat(status.changed()).containsExactlyInAnyOrder("staged.txt", "twice.txt");
        assertThat(status.modified()).containsExactlyInAnyOrder("edited.txt", "twice.txt");
        assertThat(status.added()).containsExactly("new.txt");
        assertThat(status.removed()).containsExactly("gone.txt");
        assertThat(status.missing()).containsExactly("lost.txt");
        assertThat(status.untracked()).containsExactly("fresh.txt");
        assertThat(status.conflicting()).containsExactly("both.txt");
    }

    /**
     * On the base branch with edits not yet committed, the change and HEAD's files come from git's status and index
     * (no git object read, JGit not even opened): the same as HEAD's tree gives, which JGit alone still reads. Staged
     * changes and an entry added with intent to add are among the edits: the index does not tell HEAD's content of
     * those, and the tree is read for them.
     */
    @Test
    void aChangeAgainstHeadComesFromTheIndexAsFromHeadsTree() throws Exception {
        String[][] edits = {
            {"unstaged edits, a new and a deleted file"},
            {"an edit staged", "b.txt"},
            {"a file added with intent to add", "intent.txt"},
        };
        for (String[] edit : edits) {
            try (FixtureRepo repo = repoWithOneCommit()) {
                repo.write("link-target.txt", "t\n");
                Files.createSymbolicLink(dir.resolve("link"), Path.of("link-target.txt"));
                repo.commitAll("second");
                repo.write("a.txt", "a changed\n").write("untracked.txt", "new\n").delete("c.txt")
                        .write("link-target.txt", "t\n"); // written again as it was: no change
                if (edit.length > 1) {
                    repo.write(edit[1], "staged\n");
                    FixtureRepo.runGit(dir, edit[1].startsWith("intent") ? new String[] {"add", "-N", edit[1]} : new String[] {"add", edit[1]});
                }
            }
            try (GitRepo fromIndex = GitRepo.openWithWorkingTree(dir); GitRepo fromTree = GitRepo.open(dir, false, false)) {
                ChangeSet sinceHead = fromIndex.changes(Optional.empty(), Optional.empty());
                ChangeSet viaTree = fromTree.changes(Optional.empty(), Optional.empty());
                assertThat(sinceHead.changes()).as(edit[0]).isEqualTo(viaTree.changes()).isNotEmpty();
                assertThat(sinceHead.baseCommit()).isEqualTo(viaTree.baseCommit());
                assertThat(sinceHead.baseRef()).isEqualTo(viaTree.baseRef()).isEqualTo("main");
                assertThat(fromIndex.measuredAgainstHead()).isTrue();
                assertThat(fromTree.measuredAgainstHead()).isFalse();
                assertThat(fromIndex.openedJgit()).as(edit[0]).isFalse(); // with a staged edit, the git command tells HEAD's ids
                List<String> paths = List.of("a.txt", "b.txt", "c.txt", "untracked.txt", "intent.txt", "link", "link-target.txt");
                SourceTree headFromIndex = fromIndex.files(sinceHead.baseCommit(), paths);
                SourceTree headFromTree = fromTree.files(viaTree.baseCommit(), paths);
                assertThat(headFromIndex.files()).as(edit[0]).isEqualTo(headFromTree.files())
                        .containsExactly("a.txt", "b.txt", "c.txt", "link", "link-target.txt");
                for (String path : headFromTree.files()) {
                    assertThat(headFromIndex.contentId(path)).as(path).isEqualTo(headFromTree.contentId(path));
                    assertThat(headFromIndex.read(path)).as(path).isEqualTo(headFromTree.read(path));
                }
            }
            deleteRepository();
        }
    }

    /**
     * A base that git resolves to HEAD's commit, however written, is measured from git's index without JGit; a base
     * at another commit (an expression too) takes the general path, which measures from the merge-base.
     */
    @Test
    void aBaseAtHeadsCommitIsMeasuredFromTheIndexWhateverNamesIt() throws Exception {
        String head;
        try (FixtureRepo repo = repoWithOneCommit()) {
            head = repo.head().name();
            repo.git().tag().setName("light").setAnnotated(false).call();
            repo.git().tag().setName("annotated").setAnnotated(true).setMessage("a tag object, not the commit").call();
            repo.write("b.txt", "b changed\n").commitAll("second");
            repo.write("a.txt", "a changed\n");
        }
        for (String base : List.of("main", "refs/heads/main", "HEAD", "HEAD~0", "main^{commit}", "@")) {
            try (GitRepo git = GitRepo.openWithWorkingTree(dir)) {
                assertThat(git.changes(Optional.of(base), Optional.empty()).changes()).as(base)
                        .containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"));
                assertThat(git.measuredAgainstHead()).as(base).isTrue();
                assertThat(git.openedJgit()).as(base).isFalse();
            }
        }
        for (String base : List.of(head, "light", "annotated", "HEAD~1", "main~1")) {
            try (GitRepo git = GitRepo.openWithWorkingTree(dir)) {
                assertThat(git.changes(Optional.of(base), Optional.empty()).changes()).as(base)
                        .containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"), FileChange.of(ChangeType.MODIFIED, "b.txt"));
                assertThat(git.measuredAgainstHead()).as(base).isFalse();
            }
        }
        try (GitRepo git = GitRepo.openWithWorkingTree(dir)) {
            assertThatThrownBy(() -> git.changes(Optional.of("nope"), Optional.empty())).isInstanceOf(TiaException.class)
                    .hasMessageContaining("base 'nope' not found");
        }
    }

    /**
     * git tells where the checkout is from any folder in it, as the caller named the folder (a link is not resolved:
     * tia's paths are relative to the root JGit finds), and where a linked worktree keeps its own index: the change
     * against HEAD there is what JGit finds, without JGit.
     */
    @Test
    void gitTellsTheCheckoutFromASubfolderALinkAndALinkedWorktree() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("sub/d.txt", "d\n").commitAll("second");
            repo.write("a.txt", "a changed\n");
        }
        Path link = Files.createSymbolicLink(dir.resolveSibling(dir.getFileName() + "-link"), dir);
        try {
            NativeCheckout checkout = NativeCheckout.read(link.resolve("sub"), List.of("HEAD", "nope")).orElseThrow();
            assertThat(checkout.workTree()).isEqualTo(link);
            assertThat(checkout.indexFile()).isRegularFile();
            assertThat(Files.isSameFile(checkout.indexFile(), dir.resolve(".git/index"))).isTrue();
            assertThat(checkout.commits(List.of("HEAD", "nope")).orElseThrow()).containsOnlyKeys("HEAD");
            try (GitRepo git = GitRepo.openWithWorkingTree(link.resolve("sub"))) {
                assertThat(git.workTree()).isEqualTo(link);
                ChangeSet change = git.changes(Optional.empty(), Optional.empty());
                assertThat(change.changes()).containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"));
                assertThat(git.openedJgit()).isFalse();
                // HEAD's content is a git object: JGit opens, and finds the repository git found, through the link.
                assertThat(git.files(change.baseCommit(), List.of("a.txt")).read("a.txt")).isEqualTo("a\n".getBytes(StandardCharsets.UTF_8));
                assertThat(git.openedJgit()).isTrue();
            }
        } finally {
            Files.delete(link);
        }

        Path worktree = dir.resolveSibling(dir.getFileName() + "-worktree");
        FixtureRepo.runGit(dir, "worktree", "add", "-q", "-b", "feature", worktree.toString());
        try {
            Files.writeString(worktree.resolve("b.txt"), "b in the worktree\n");
            Files.writeString(worktree.resolve("new.txt"), "new\n");
            try (GitRepo git = GitRepo.openWithWorkingTree(worktree); GitRepo jgit = GitRepo.open(worktree, false, false)) {
                ChangeSet sinceHead = git.changes(Optional.of("feature"), Optional.empty());
                assertThat(git.measuredAgainstHead()).isTrue();
                assertThat(git.openedJgit()).isFalse();
                assertThat(sinceHead.changes()).isEqualTo(jgit.changes(Optional.of("feature"), Optional.empty()).changes())
                        .containsExactly(FileChange.of(ChangeType.MODIFIED, "b.txt"), FileChange.of(ChangeType.ADDED, "new.txt"));
                assertThat(git.tree(ChangeSet.WORKTREE).files()).isEqualTo(jgit.tree(ChangeSet.WORKTREE).files());
                assertThat(git.files(sinceHead.baseCommit(), List.of("b.txt")).read("b.txt")).isEqualTo("b\n".getBytes(StandardCharsets.UTF_8));
                assertThat(git.openedJgit()).isTrue();
            }
        } finally {
            FixtureRepo.runGit(dir, "worktree", "remove", "--force", worktree.toString());
        }
    }

    /**
     * A branch ahead of its base (main moved on too) is measured from the merge-base git tells, without JGit, as JGit
     * measures it: files committed as edited, added, deleted, renamed as they were and renamed with an edit, made a
     * link, made executable (no change of content), with a space and an accent in the name; then edits in the working tree on top, one
     * staged. The base's blob ids of every path the change names are JGit's too.
     */
    @Test
    void aBranchAheadOfItsBaseIsMeasuredFromTheMergeBaseByGitAsByJgit() throws Exception {
        String body = "class Moved {\n" + "    int a = 1;\n".repeat(20) + "}\n";
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("src/Same.java", body).write("src/Edited.java", body.replace("Moved", "Edited"))
                    .write("run.sh", "echo run\n").write("with space é.txt", "x\n").write("gone.txt", "g\n").commitAll("second");
            repo.git().branchCreate().setName("feature").call();
            repo.write("main-only.txt", "m\n").commitAll("main moves on");
            repo.git().checkout().setName("feature").call();
            repo.delete("src/Same.java").write("src/Renamed.java", body)
                    .delete("src/Edited.java").write("src/EditedAndRenamed.java", "class Edited {\n    int b = 2;\n" + "    int a = 1;\n".repeat(19) + "}\n")
                    .write("a.txt", "a on the branch\n").write("new.txt", "n\n").delete("gone.txt")
                    .write("with space é.txt", "y\n");
            Files.delete(dir.resolve("b.txt"));
            Files.createSymbolicLink(dir.resolve("b.txt"), Path.of("a.txt"));
            FixtureRepo.runGit(dir, "add", "-A");
            FixtureRepo.runGit(dir, "update-index", "--chmod=+x", "run.sh");
            FixtureRepo.runGit(dir, "commit", "-q", "-m", "feature work");
            repo.write("src/Renamed.java", body + "// and edited\n").write("untracked.txt", "u\n").delete("c.txt")
                    .write("new.txt", "n staged\n");
            FixtureRepo.runGit(dir, "add", "new.txt");
        }
        List<String> asked = List.of("a.txt", "b.txt", "c.txt", "run.sh", "new.txt", "gone.txt", "main-only.txt",
                "src/Same.java", "src/Renamed.java", "src/Edited.java", "src/EditedAndRenamed.java", "with space é.txt");
        try (GitRepo git = GitRepo.openWithWorkingTree(dir); GitRepo jgit = GitRepo.open(dir, false, false)) {
            ChangeSet told = git.changes(Optional.empty(), Optional.empty());
            ChangeSet read = jgit.changes(Optional.empty(), Optional.empty());
            assertThat(git.measuredFromMergeBase()).isTrue();
            assertThat(git.openedJgit()).isFalse();
            assertThat(told.changes()).isEqualTo(read.changes()).contains(
                    FileChange.renamed("src/Same.java", "src/Renamed.java"),
                    FileChange.renamed("src/Edited.java", "src/EditedAndRenamed.java"),
                    FileChange.of(ChangeType.MODIFIED, "b.txt"),
                    FileChange.of(ChangeType.MODIFIED, "with space é.txt"), FileChange.of(ChangeType.ADDED, "new.txt"),
                    FileChange.of(ChangeType.DELETED, "c.txt"), FileChange.of(ChangeType.ADDED, "untracked.txt"))
                    // main's own commit is not the branch's change; a mode alone changes no content
                    .doesNotContain(FileChange.of(ChangeType.ADDED, "main-only.txt"), FileChange.of(ChangeType.MODIFIED, "run.sh"));
            assertThat(told.baseCommit()).isEqualTo(read.baseCommit());
            assertThat(told.baseRef()).isEqualTo(read.baseRef()).isEqualTo("main");
            SourceTree toldBase = git.files(told.baseCommit(), asked);
            SourceTree readBase = jgit.files(read.baseCommit(), asked);
            assertThat(toldBase.files()).isEqualTo(readBase.files()).contains("src/Same.java", "gone.txt").doesNotContain("new.txt");
            for (String path : readBase.files()) {
                assertThat(toldBase.contentId(path)).as(path).isEqualTo(readBase.contentId(path));
            }
            assertThat(git.openedJgit()).isFalse();
            // Asked ahead, as the CLI does before it reads its arguments: the same change, still without JGit.
            GitRepo.startAhead(dir, Optional.empty());
            try (GitRepo ahead = GitRepo.openWithWorkingTree(dir)) {
                assertThat(ahead.changes(Optional.empty(), Optional.empty())).isEqualTo(told);
                assertThat(ahead.measuredFromMergeBase()).isTrue();
                assertThat(ahead.openedJgit()).isFalse();
            }
        }
    }

    /**
     * A run up to HEAD's commit ({@code --head HEAD}, as a CI job asks for its checkout) whose index is that commit's
     * (git's cache tree says so) takes the commit's files from git's index and the change from git, without JGit and
     * without git's status: the same change, files, ids and contents JGit reads from the commit. The working tree's own
     * edits are no part of it: an edited, a deleted and an untracked file read as committed, or not at all.
     */
    @Test
    void aCommitAtHeadIsReadFromGitsIndexAsJgitReadsItsTree() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("src/Same.java", "class Same {}\n").write("run.sh", "echo run\n").write("with space é.txt", "x\n")
                    .commitAll("second");
            repo.git().branchCreate().setName("feature").call();
            repo.write("main-only.txt", "m\n").commitAll("main moves on");
        }
        // By the git command, as a CI job's checkout and commits are: git primes its cache tree on both.
        FixtureRepo.runGit(dir, "checkout", "-q", "feature");
        Files.writeString(dir.resolve("a.txt"), "a on the branch\n");
        Files.writeString(dir.resolve("with space é.txt"), "y\n");
        Files.writeString(dir.resolve("new.txt"), "n\n");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("a.txt"));
        FixtureRepo.runGit(dir, "add", "-A");
        FixtureRepo.runGit(dir, "update-index", "--chmod=+x", "run.sh");
        FixtureRepo.runGit(dir, "commit", "-q", "-m", "feature work");
        Files.writeString(dir.resolve("a.txt"), "an edit not committed\n");
        Files.writeString(dir.resolve("untracked.txt"), "u\n");
        Files.delete(dir.resolve("c.txt"));
        try (GitRepo git = GitRepo.open(dir); GitRepo jgit = GitRepo.open(dir, false, false)) {
            ChangeSet told = git.changes(Optional.of("main"), Optional.of("HEAD"));
            ChangeSet read = jgit.changes(Optional.of("main"), Optional.of("HEAD"));
            assertThat(git.headCommitFromIndex()).isTrue();
            assertThat(told).isEqualTo(read);
            assertThat(told.changes()).containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"),
                    FileChange.of(ChangeType.ADDED, "link"), FileChange.of(ChangeType.ADDED, "new.txt"),
                    FileChange.of(ChangeType.MODIFIED, "run.sh"), FileChange.of(ChangeType.MODIFIED, "with space é.txt"));
            SourceTree toldHead = git.tree(told.head());
            SourceTree readHead = jgit.tree(read.head());
            assertThat(toldHead.files()).isEqualTo(readHead.files()).contains("c.txt", "link").doesNotContain("untracked.txt");
            for (String path : readHead.files()) {
                assertThat(toldHead.contentId(path)).as(path).isEqualTo(readHead.contentId(path));
            }
            assertThat(toldHead.read("new.txt")).isEqualTo(readHead.read("new.txt"));
            List<String> asked = List.of("a.txt", "b.txt", "c.txt", "new.txt", "link", "src/Same.java", "with space é.txt");
            SourceTree toldBase = git.files(told.baseCommit(), asked);
            SourceTree readBase = jgit.files(read.baseCommit(), asked);
            assertThat(toldBase.files()).isEqualTo(readBase.files());
            for (String path : readBase.files()) {
                assertThat(toldBase.contentId(path)).as(path).isEqualTo(readBase.contentId(path));
            }
            assertThat(git.openedJgit()).as("the change, the files and a clean file's content need no JGit").isFalse();
            // What the working tree does not hold as committed comes from git's objects: an edit, a deletion, a link.
            for (String path : List.of("a.txt", "c.txt", "link", "b.txt", "with space é.txt", "run.sh")) {
                assertThat(toldHead.read(path)).as(path).isEqualTo(readHead.read(path));
            }
            assertThat(new String(toldHead.read("a.txt"), StandardCharsets.UTF_8)).isEqualTo("a on the branch\n");
        }
    }

    /**
     * Where git's index is not HEAD's commit (a staged change), the head is another commit than HEAD's, or JGit's
     * diff of the two commits could tell the change otherwise than git's (a rename, which each pairs its own way when
     * scores tie; a file become a link), JGit reads the commit's tree, as before: the same answer either way.
     */
    @Test
    void aCommitGitsIndexDoesNotListIsReadByJgit() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("a.txt", "second\n").commitAll("second");
        }
        FixtureRepo.runGit(dir, "checkout", "-q", "-f", "HEAD");
        Files.writeString(dir.resolve("b.txt"), "staged\n");
        FixtureRepo.runGit(dir, "add", "b.txt");
        for (String head : List.of("HEAD", "HEAD~1")) {
            try (GitRepo git = GitRepo.open(dir); GitRepo jgit = GitRepo.open(dir, false, false)) {
                ChangeSet told = git.changes(Optional.of("HEAD~1"), Optional.of(head));
                assertThat(git.headCommitFromIndex()).as(head).isFalse();
                assertThat(told).as(head).isEqualTo(jgit.changes(Optional.of("HEAD~1"), Optional.of(head)));
                assertThat(git.tree(told.head()).contentId("b.txt")).as(head).isEqualTo(jgit.tree(told.head()).contentId("b.txt"));
            }
        }
        FixtureRepo.runGit(dir, "reset", "-q");
        FixtureRepo.runGit(dir, "checkout", "-q", "-f", "HEAD");
        assertThat(committedChange(true)).as("the staged change undone").containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"));
        // A deletion alone pairs no rename: still from the index.
        Files.delete(dir.resolve("c.txt"));
        FixtureRepo.runGit(dir, "commit", "-q", "-a", "-m", "c deleted");
        assertThat(committedChange(true)).containsExactly(FileChange.of(ChangeType.DELETED, "c.txt"));
        // Three files alike: one deleted, two added. git and JGit each pair the deleted one with another: JGit answers.
        String alike = "line\n".repeat(30);
        Files.createDirectories(dir.resolve("t"));
        Files.writeString(dir.resolve("t/Old.java"), alike, StandardCharsets.UTF_8);
        FixtureRepo.runGit(dir, "add", "-A");
        FixtureRepo.runGit(dir, "commit", "-q", "-m", "old");
        Files.delete(dir.resolve("t/Old.java"));
        Files.writeString(dir.resolve("t/NewA.java"), alike + "a\n");
        Files.writeString(dir.resolve("t/NewB.java"), alike + "b\n");
        FixtureRepo.runGit(dir, "add", "-A");
        FixtureRepo.runGit(dir, "commit", "-q", "-m", "moved twice");
        assertThat(committedChange(false)).hasSize(2).anyMatch(change -> change.change() == ChangeType.RENAMED);
        // A file that became a link: git's diff calls it modified, JGit's deleted and added.
        Files.delete(dir.resolve("b.txt"));
        Files.createSymbolicLink(dir.resolve("b.txt"), Path.of("a.txt"));
        FixtureRepo.runGit(dir, "add", "-A");
        FixtureRepo.runGit(dir, "commit", "-q", "-m", "a link now");
        assertThat(committedChange(false)).containsExactly(FileChange.of(ChangeType.DELETED, "b.txt"), FileChange.of(ChangeType.ADDED, "b.txt"));
    }

    /**
     * HEAD's commit's change from its parent, read from git's index when {@code fromIndex} (else told by JGit, though the
     * index lists the commit), and the same as JGit's reading.
     */
    private List<FileChange> committedChange(boolean fromIndex) {
        try (GitRepo git = GitRepo.open(dir); GitRepo jgit = GitRepo.open(dir, false, false)) {
            ChangeSet told = git.changes(Optional.of("HEAD~1"), Optional.of("HEAD"));
            assertThat(git.headCommitFromIndex()).isEqualTo(fromIndex);
            assertThat(told).isEqualTo(jgit.changes(Optional.of("HEAD~1"), Optional.of("HEAD")));
            return told.changes();
        }
    }

    /**
     * A pull request's CI checkout, as GitHub Actions makes it: HEAD detached at a merge of the branch into the base's
     * tip, the base as a remote-tracking ref (the default base, origin/main). The change is the branch's, measured
     * from the base's tip by git, as JGit measures it.
     */
    @Test
    void aPullRequestsMergeCheckoutIsMeasuredFromItsBaseByGitAsByJgit() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.git().branchCreate().setName("feature").call();
            repo.write("main-only.txt", "m\n").commitAll("main moves on");
            repo.git().checkout().setName("feature").call();
            repo.write("feature.txt", "f\n").write("a.txt", "a on the branch\n").commitAll("feature work");
        }
        FixtureRepo.runGit(dir, "update-ref", "refs/remotes/origin/main", "main");
        FixtureRepo.runGit(dir, "checkout", "-q", "--detach", "main");
        FixtureRepo.runGit(dir, "merge", "-q", "--no-ff", "--no-edit", "feature");
        ChangeSet told = measuredFromMergeBaseAsJgitMeasures(dir);
        assertThat(told.baseRef()).isEqualTo("origin/main");
        assertThat(told.changes()).containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"), FileChange.of(ChangeType.ADDED, "feature.txt"));
    }

    /**
     * The working tree's change at {@code checkout} (against the default base), measured by the git command from the
     * merge-base without JGit, after checking that JGit measures the same.
     */
    private static ChangeSet measuredFromMergeBaseAsJgitMeasures(Path checkout) {
        try (GitRepo git = GitRepo.openWithWorkingTree(checkout); GitRepo jgit = GitRepo.open(checkout, false, false)) {
            ChangeSet told = git.changes(Optional.empty(), Optional.empty());
            assertThat(told).isEqualTo(jgit.changes(Optional.empty(), Optional.empty()));
            assertThat(git.measuredFromMergeBase()).isTrue();
            assertThat(git.openedJgit()).isFalse();
            return told;
        }
    }

    /**
     * Where git and JGit could answer differently, or git cannot answer, JGit measures: two merge-bases (a criss-cross
     * merge, each side's pick may differ) and histories that share nothing. (A shallow clone that lacks the merge-base:
     * {@link #shallowCloneIsDeepenedUntilTheMergeBaseIsThere}.)
     */
    @Test
    void jgitMeasuresWhereGitsMergeBaseIsNotTheOnlyOne() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.git().branchCreate().setName("feature").call();
            repo.write("main.txt", "m\n").commitAll("main 1");
            String main1 = repo.head().name();
            repo.git().checkout().setName("feature").call();
            repo.write("feature.txt", "f\n").commitAll("feature 1");
            String feature1 = repo.head().name();
            FixtureRepo.runGit(dir, "merge", "-q", "--no-edit", main1);
            repo.git().checkout().setName("main").call();
            FixtureRepo.runGit(dir, "merge", "-q", "--no-edit", feature1);
            repo.write("main.txt", "m2\n").commitAll("main 2");
            repo.git().checkout().setName("feature").call();
            repo.write("feature.txt", "f2\n").commitAll("feature 2");
        }
        try (GitRepo git = GitRepo.openWithWorkingTree(dir); GitRepo jgit = GitRepo.open(dir, false, false)) {
            ChangeSet told = git.changes(Optional.empty(), Optional.empty());
            assertThat(git.measuredFromMergeBase()).isFalse();
            assertThat(told).isEqualTo(jgit.changes(Optional.empty(), Optional.empty()));
        }
        try (FixtureRepo repo = FixtureRepo.init(dir)) {
            repo.git().checkout().setOrphan(true).setName("orphan").call();
            repo.write("o.txt", "o\n").commitAll("orphan root");
        }
        try (GitRepo git = GitRepo.openWithWorkingTree(dir)) {
            assertThat(git.changes(Optional.empty(), Optional.empty()).historyGap())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("share no history"));
            assertThat(git.measuredFromMergeBase()).isFalse();
        }
    }

    /**
     * Asked for thousands of paths (a large staged change), git answers as it reads: the question is written beside
     * the reading of the answers, or each side would wait for the other once the answers fill the pipe.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails here, not the whole build
    void gitIsAskedForThousandsOfBlobIdsAtOnce() throws Exception {
        String head;
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("sub/d.txt", "d\n").commitAll("second");
            head = repo.head().name();
        }
        NativeCheckout checkout = NativeCheckout.read(dir, List.of("HEAD")).orElseThrow();
        List<String> paths = new java.util.ArrayList<>(List.of("a.txt", "sub/d.txt", "sub", "missing.txt"));
        for (int i = 0; i < 5000; i++) {
            paths.add("a/path/that/the/commit/does/not/hold/number-" + i + ".java");
        }
        java.util.Map<String, ObjectId> ids = checkout.blobIds(ObjectId.fromString(head), paths).orElseThrow();
        assertThat(ids).containsOnlyKeys("a.txt", "sub/d.txt");
        try (GitRepo jgit = GitRepo.open(dir, false, false)) {
            SourceTree atHead = jgit.files(head, List.of("a.txt", "sub/d.txt"));
            assertThat(atHead.contentId("a.txt")).contains(ids.get("a.txt").name());
            assertThat(atHead.contentId("sub/d.txt")).contains(ids.get("sub/d.txt").name());
        }
    }

    @Test
    void gitsRawDiffIsReadAsWrittenAndAnythingElseIsLeftToJgit() {
        ObjectId base = ObjectId.fromString("1111111111111111111111111111111111111111");
        String a = "2222222222222222222222222222222222222222";
        String b = "3333333333333333333333333333333333333333";
        String zero = "0000000000000000000000000000000000000000";
        String raw = ":100644 100644 " + a + " " + b + " M\0m.txt\0"
                + ":000000 100644 " + zero + " " + b + " A\0a.txt\0"
                + ":100644 000000 " + a + " " + zero + " D\0d.txt\0"
                + ":100644 100644 " + a + " " + b + " R087\0old.txt\0new.txt\0"
                + ":100644 100644 " + a + " " + a + " C100\0src.txt\0copy.txt\0"
                + ":160000 160000 " + a + " " + b + " M\0sub\0"
                + ":100644 120000 " + a + " " + b + " T\0link\0";
        NativeCommittedChange change = NativeCommittedChange.parse(base, raw.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(change.changes()).containsExactly(FileChange.of(ChangeType.MODIFIED, "m.txt"), FileChange.of(ChangeType.ADDED, "a.txt"),
                FileChange.of(ChangeType.DELETED, "d.txt"), FileChange.renamed("old.txt", "new.txt"),
                FileChange.of(ChangeType.ADDED, "copy.txt"), FileChange.of(ChangeType.MODIFIED, "sub"),
                FileChange.of(ChangeType.MODIFIED, "link"));
        List<String> paths = List.of("m.txt", "a.txt", "d.txt", "old.txt", "new.txt", "src.txt", "copy.txt", "sub", "link", "other.txt");
        assertThat(change.idsAtMergeBase(paths)).containsOnlyKeys("m.txt", "d.txt", "old.txt", "link");
        assertThat(paths.stream().filter(change::names)).containsExactly("m.txt", "a.txt", "d.txt", "old.txt", "new.txt", "copy.txt", "sub", "link");
        for (String bad : List.of(raw.substring(0, raw.length() - 1), ":100644 100644 " + a + " " + b + " U\0u.txt\0",
                ":100644 " + a + " M\0x\0", ":100644 100644 " + a + " " + b + " R090\0only-one\0")) {
            assertThat(NativeCommittedChange.parse(base, bad.getBytes(StandardCharsets.UTF_8))).as(bad).isEmpty();
        }
    }

    private void deleteRepository() throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(dir)).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void committedRenameIsReportedAsRename() throws Exception {
        try (FixtureRepo repo = FixtureRepo.init(dir)) {
            repo.write("src/Old.java", "class Old { /* enough content for rename detection to match it */ }\n").commitAll("first");
            repo.git().branchCreate().setName("feature").call();
            repo.git().checkout().setName("feature").call();
            repo.delete("src/Old.java").write("src/New.java", "class Old { /* enough content for rename detection to match it */ }\n")
                    .commitAll("rename");
        }
        assertThat(workingTreeChanges().changes()).containsExactly(FileChange.renamed("src/Old.java", "src/New.java"));
    }

    @Test
    void changesAreMeasuredFromTheMergeBase() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.git().branchCreate().setName("feature").call();
            repo.write("main-only.txt", "x\n").commitAll("main moves on");
            repo.git().checkout().setName("feature").call();
            repo.write("feature.txt", "y\n").commitAll("feature work");
        }
        ChangeSet changes = workingTreeChanges();
        assertThat(changes.changes()).containsExactly(FileChange.of(ChangeType.ADDED, "feature.txt"));
        assertThat(changes.baseRef()).isEqualTo("main");
    }

    @Test
    void headRefComparesTwoCommits() {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.write("a.txt", "second\n").commitAll("second");
            repo.write("uncommitted.txt", "not part of HEAD\n");
        }
        try (GitRepo git = GitRepo.open(dir)) {
            ChangeSet changes = git.changes(Optional.of("HEAD~1"), Optional.of("HEAD"));
            assertThat(changes.changes()).containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"));
            assertThat(changes.head()).hasSize(40);
            assertThat(git.tree(changes.head()).contains("uncommitted.txt")).isFalse();
            assertThat(git.tree(ChangeSet.WORKTREE).contains("uncommitted.txt")).isTrue();
        }
    }

    @Test
    void detachedHeadWorks() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            String first = repo.head().name();
            repo.write("a.txt", "second\n").commitAll("second");
            repo.git().checkout().setName(first).call();
            repo.write("a.txt", "detached edit\n");
        }
        assertThat(workingTreeChanges().changes()).containsExactly(FileChange.of(ChangeType.MODIFIED, "a.txt"));
    }

    @Test
    void notAGitRepositorySaysSo() {
        assertThatThrownBy(() -> GitRepo.open(dir)).isInstanceOf(TiaException.class)
                .hasMessageContaining("is not inside a git repository");
    }

    @Test
    void repositoryWithoutCommitsSaysSo() {
        FixtureRepo.init(dir).close();
        assertThatThrownBy(this::workingTreeChanges).isInstanceOf(TiaException.class).hasMessageContaining("has no commits yet");
    }

    @Test
    void unknownBaseNamesTheRefsThatExist() {
        repoWithOneCommit().close();
        try (GitRepo git = GitRepo.open(dir)) {
            assertThatThrownBy(() -> git.changes(Optional.of("origin/develop"), Optional.empty()))
                    .isInstanceOf(TiaException.class)
                    .hasMessage("base 'origin/develop' not found; refs that exist: main");
        }
    }

    @Test
    void noDefaultBaseAsksForOne() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            repo.git().branchRename().setOldName("main").setNewName("trunk").call();
        }
        assertThatThrownBy(this::workingTreeChanges).isInstanceOf(TiaException.class)
                .hasMessageContaining("none of origin/main, main, origin/master, master exists; pass --base REF");
    }

    @Test
    void shallowCloneWithBaseOutsideHistoryExplainsTheFix() throws Exception {
        Path origin = dir.resolve("origin");
        try (FixtureRepo repo = FixtureRepo.init(origin)) {
            repo.write("a.txt", "1\n").commitAll("one").write("a.txt", "2\n").commitAll("two").write("a.txt", "3\n").commitAll("three");
        }
        Path clone = dir.resolve("clone");
        FixtureRepo.runGit(dir, "clone", "-q", "--depth", "1", origin.toUri().toString(), clone.toString());
        assertThat(Files.exists(clone.resolve(".git/shallow"))).isTrue();

        try (GitRepo repo = GitRepo.open(clone)) {
            assertThat(repo.isShallow()).isTrue();
            ChangeSet changes = repo.changes(Optional.of("HEAD~2"), Optional.empty());
            assertThat(changes.historyGap()).hasValueSatisfying(gap -> assertThat(gap)
                    .contains("not in this shallow clone").contains("fetch-depth: 0"));
        }
    }

    @Test
    void shallowCloneIsDeepenedUntilTheMergeBaseIsThere() throws Exception {
        Path origin = originWithFeature("HEAD~3", "f1\n", "f2\n");
        Path clone = dir.resolve("clone");
        FixtureRepo.runGit(dir, "clone", "-q", "--depth", "1", "--branch", "feature", "--single-branch",
                origin.toUri().toString(), clone.toString());

        try (GitRepo repo = GitRepo.open(clone)) {
            ChangeSet changes = repo.changes(Optional.empty(), Optional.empty());
            assertThat(changes.historyGap()).isEmpty();
            assertThat(changes.baseRef()).isEqualTo("origin/main");
            assertThat(changes.changes()).containsExactly(FileChange.of(ChangeType.ADDED, "feature.txt"));
            assertThat(changes.fetched()).hasValueSatisfying(note -> assertThat(note).contains("shallow clone"));
        }
    }

    /**
     * A shallow clone whose history holds the base and the merge-base needs no deepening: git measures it, as JGit
     * does (a common ancestor of two commits in a shallow history has its descendants there too).
     */
    @Test
    void aShallowCloneHoldingTheMergeBaseIsMeasuredByGitAsByJgit() throws Exception {
        Path origin = originWithFeature("HEAD~1", "f1\n");
        Path clone = dir.resolve("clone");
        FixtureRepo.runGit(dir, "clone", "-q", "--depth", "3", "--no-single-branch", "--branch", "feature",
                origin.toUri().toString(), clone.toString());
        assertThat(Files.exists(clone.resolve(".git/shallow"))).isTrue();
        ChangeSet told = measuredFromMergeBaseAsJgitMeasures(clone);
        assertThat(told.baseRef()).isEqualTo("origin/main");
        assertThat(told.changes()).containsExactly(FileChange.of(ChangeType.ADDED, "feature.txt"));
    }

    /**
     * A repository to clone from: five commits on main, and a branch {@code feature} from {@code startPoint} with a
     * commit of {@code feature.txt} per content given, checked out.
     */
    private Path originWithFeature(String startPoint, String... featureContents) throws Exception {
        Path origin = dir.resolve("origin");
        try (FixtureRepo repo = FixtureRepo.init(origin)) {
            for (int i = 1; i <= 5; i++) {
                repo.write("main.txt", i + "\n").commitAll("main " + i);
            }
            repo.git().checkout().setCreateBranch(true).setName("feature").setStartPoint(startPoint).call();
            for (int i = 0; i < featureContents.length; i++) {
                repo.write("feature.txt", featureContents[i]).commitAll("feature " + (i + 1));
            }
        }
        return origin;
    }

    @Test
    void unrelatedHistoriesRunEverythingWithAReason() throws Exception {
        try (FixtureRepo repo = repoWithOneCommit()) {
            Git git = repo.git();
            git.checkout().setOrphan(true).setName("orphan").call();
            repo.commitAll("orphan root");
        }
        ChangeSet changes = workingTreeChanges();
        assertThat(changes.historyGap()).hasValueSatisfying(reason -> assertThat(reason).contains("share no history"));
    }
}
