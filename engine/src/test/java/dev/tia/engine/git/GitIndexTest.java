package dev.tia.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tia.engine.TiaException;

import dev.tia.fixtures.FixtureRepo;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tia reads git's index itself (JGit's reader checks the file's hash, which cost a core 50-70 ms at 67k files): on
 * indexes the git command wrote, at each version, it must read what JGit reads, and hand the rest to JGit.
 */
class GitIndexTest {

    @TempDir
    Path dir;

    private FixtureRepo repo() throws Exception {
        FixtureRepo repo = FixtureRepo.init(dir).write("a.txt", "a\n").write("dir with space/ü.txt", "u\n")
                .write("m/src/main/java/p/A.java", "class A {}\n").write("m/src/main/java/p/B.java", "class B {}\n")
                .write("z.txt", "z\n").commitAll("first");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("a.txt"));
        git("add", "link");
        git("commit", "-q", "-m", "link");
        return repo;
    }

    @Test
    void readsWhatJGitReadsAtEachIndexVersion() throws Exception {
        try (FixtureRepo repo = repo()) {
            // Asked for 3, git writes 2 unless an entry has extended flags (see below).
            for (String version : List.of("4", "2")) {
                git("update-index", "--index-version", version);
                assertThat(versionOf(index())).isEqualTo(Integer.parseInt(version));
                assertSameAsJGit(repo.git().getRepository());
            }
        }
    }

    /**
     * The tree an index lists, from git's cache tree: what a run up to HEAD's commit reads as that commit's files
     * (see {@link GitRepo}). Known after a commit and a checkout, at each index version; unknown once a change is
     * staged, and once a conflict or an entry added with intent to add is there; and known again after the next commit.
     */
    @Test
    void theTreeAnIndexListsIsKnownWhileGitsCacheTreeSaysSo() throws Exception {
        try (FixtureRepo repo = repo()) {
            for (String version : List.of("4", "2")) {
                git("update-index", "--index-version", version);
                assertThat(GitIndex.parse(index()).tree()).as("version " + version).contains(revParse("HEAD^{tree}"));
            }
            Files.writeString(dir.resolve("a.txt"), "a changed\n");
            assertThat(GitIndex.parse(index()).tree()).as("an unstaged edit leaves the index as it was")
                    .contains(revParse("HEAD^{tree}"));
            git("add", "a.txt");
            assertThat(GitIndex.parse(index()).tree()).isEmpty();
            git("commit", "-q", "-m", "second");
            assertThat(GitIndex.parse(index()).tree()).contains(revParse("HEAD^{tree}"));
            git("checkout", "-q", "HEAD~1");
            assertThat(GitIndex.parse(index()).tree()).contains(revParse("HEAD^{tree}"));
            Files.writeString(dir.resolve("intended.txt"), "i\n");
            git("add", "-N", "intended.txt");
            assertThat(GitIndex.parse(index()).tree()).isEmpty();
            git("rm", "-q", "--cached", "intended.txt");
            git("checkout", "-q", "-f", "HEAD");
            assertThat(GitIndex.parse(index()).tree()).as("after a checkout").contains(revParse("HEAD^{tree}"));
        }
    }

    /** git writes version 3 on its own once an entry has extended flags (skip-worktree here). */
    @Test
    void theChecksumIsTheIndexFilesTrailerUnlessGitWroteNone() throws Exception {
        try (FixtureRepo repo = repo()) {
            byte[] bytes = index();
            StringBuilder trailer = new StringBuilder();
            for (int i = bytes.length - 20; i < bytes.length; i++) {
                trailer.append(String.format("%02x", bytes[i] & 0xff));
            }
            Optional<String> checksum = GitIndex.parse(bytes).checksum();
            assertThat(checksum).contains(trailer.toString());

            repo.write("m/src/main/java/p/B.java", "class B { int b; }\n");
            git("add", "m/src/main/java/p/B.java");
            assertThat(GitIndex.parse(index()).checksum()).as("another index").isPresent().isNotEqualTo(checksum);

            // git writes a trailer of zeros with index.skipHash (git 2.40 and later): that is no checksum
            java.util.Arrays.fill(bytes, bytes.length - 20, bytes.length, (byte) 0);
            assertThat(GitIndex.parse(bytes).checksum()).isEmpty();
        }
    }

    @Test
    void readsExtendedFlags() throws Exception {
        try (FixtureRepo repo = repo()) {
            git("update-index", "--skip-worktree", "m/src/main/java/p/A.java");
            assertThat(versionOf(index())).isEqualTo(3);
            assertSameAsJGit(repo.git().getRepository());
        }
    }

    /**
     * A file added with intent to add has an entry whose id is the empty blob's: that names no content of the file,
     * so none is given, and the change counts the file as added (the git command's status marks it " A").
     */
    @Test
    void anEntryAddedWithIntentToAddHasNoContentIdAndIsAChange() throws Exception {
        try (FixtureRepo repo = repo()) {
            repo.write("m/src/main/java/p/C.java", "class C { B b; }\n");
            git("add", "-N", "m/src/main/java/p/C.java");
            GitIndex index = GitIndex.read(repo.git().getRepository());
            int entry = entryOf(index, "m/src/main/java/p/C.java");
            assertThat(index.id(entry)).isNull();
            assertSameAsJGit(repo.git().getRepository());
        }
        for (boolean nativeStatus : List.of(true, false)) {
            try (GitRepo git = GitRepo.open(dir, nativeStatus, nativeStatus)) {
                ChangeSet changes = git.changes(Optional.of("HEAD"), Optional.empty());
                assertThat(changes.changes()).as("native status: " + nativeStatus)
                        .containsExactly(FileChange.of(ChangeType.ADDED, "m/src/main/java/p/C.java"));
                assertThat(git.tree(ChangeSet.WORKTREE).contentId("m/src/main/java/p/C.java")).isEmpty();
            }
        }
    }

    /** The name length field holds 0xFFF for a path that long or longer: the path then ends at its NUL. */
    @Test
    void aPathWhoseLengthFieldIsFullEndsAtItsNul() throws Exception {
        try (FixtureRepo repo = repo()) {
            byte[] bytes = index();
            int flags = 12 + 40 + 20; // the first entry's flags
            ByteBuffer.wrap(bytes).putShort(flags, (short) (ByteBuffer.wrap(bytes).getShort(flags) | 0xfff));
            assertThat(describe(GitIndex.parse(bytes))).isEqualTo(describe(GitIndex.of(repo.git().getRepository().readDirCache())));
        }
    }

    /**
     * A split index keeps entries in another file, which JGit cannot read either (it fails with "Invalid path"): the
     * run stops with a message that says how to turn it off.
     */
    @Test
    void aSplitIndexIsAnErrorThatSaysHowToTurnItOff() throws Exception {
        try (FixtureRepo repo = repo()) {
            git("update-index", "--split-index");
        }
        try (GitRepo git = GitRepo.open(dir, true, true)) {
            assertThatThrownBy(() -> git.tree(ChangeSet.WORKTREE)).isInstanceOf(TiaException.class)
                    .hasMessageContaining("split").hasMessageContaining("git update-index --no-split-index");
        }
        git("update-index", "--no-split-index");
        try (GitRepo git = GitRepo.open(dir, true, true)) {
            assertThat(git.tree(ChangeSet.WORKTREE).files()).contains("a.txt", "link");
        }
    }

    @Test
    void aFileThatDoesNotAddUpIsNotRead() throws Exception {
        try (FixtureRepo repo = repo()) {
            byte[] bytes = index();
            assertThat(GitIndex.parse(bytes)).isNotNull();
            assertThat(GitIndex.parse(Arrays.copyOf(bytes, bytes.length / 2))).isNull();
            assertThat(GitIndex.parse(Arrays.copyOf(bytes, 30))).isNull();
            byte[] otherSignature = bytes.clone();
            otherSignature[0] = 'X';
            assertThat(GitIndex.parse(otherSignature)).isNull();
        }
    }

    @Test
    void findsTrackedPathsInTheIndexsByteOrder() throws Exception {
        try (FixtureRepo repo = repo()) {
            GitIndex index = GitIndex.read(repo.git().getRepository());
            for (int i = 0; i < index.size(); i++) {
                assertThat(index.tracks(index.path(i))).as(index.path(i)).isTrue();
            }
            assertThat(index.tracks("b.txt")).isFalse();
            assertThat(index.tracks("m/src/main/java/p/C.java")).isFalse();
        }
        // UTF-8's byte order is the code points' order: U+E000 before U+1F600, though a surrogate (D83D) is less.
        assertThat(GitIndex.compareCodePoints("a\uE000", "a\uD83D\uDE00")).isNegative();
        assertThat(GitIndex.compareCodePoints("a/b", "a.b")).isPositive();
        assertThat(GitIndex.compareCodePoints("ab", "abc")).isNegative();
    }

    /**
     * An index of ASCII paths read in order is taken in its order, as every tree's listing and lookup then trusts it;
     * a path beyond ASCII, or entries out of order, leave it to be checked: found all the same.
     */
    @Test
    void anIndexOfAsciiPathsInOrderIsTakenInItsOrder() throws Exception {
        try (FixtureRepo repo = FixtureRepo.init(dir).write("a.txt", "a\n").write("m/src/main/java/p/A.java", "class A {}\n")
                .write("m/src/main/java/p/B.java", "class B {}\n").write("m.txt", "m\n").write("z.txt", "z\n").commitAll("first")) {
            for (String version : List.of("4", "2")) {
                git("update-index", "--index-version", version);
                GitIndex index = GitIndex.parse(index());
                assertThat(index.inStringOrder()).as(version).isTrue();
                assertThat(index.path(1)).isEqualTo("m.txt"); // git's byte order: '.' before '/'
                for (int i = 0; i < index.size(); i++) {
                    assertThat(index.find(index.path(i))).as(index.path(i)).isEqualTo(i);
                }
                assertThat(index.tracks("m")).isFalse();
                assertThat(index.tracks("b.txt")).isFalse();
            }
            // The first and last paths' names swapped (both five bytes long): out of order, checked, and found.
            byte[] bytes = index();
            int first = 12 + 62;
            int last = lastEntryName(bytes, "z.txt");
            byte[] a = Arrays.copyOfRange(bytes, first, first + 5);
            System.arraycopy(bytes, last, bytes, first, 5);
            System.arraycopy(a, 0, bytes, last, 5);
            GitIndex swapped = GitIndex.parse(bytes);
            assertThat(swapped.path(0)).isEqualTo("z.txt");
            assertThat(swapped.inStringOrder()).isFalse();
            assertThat(swapped.tracks("a.txt")).isTrue();
            assertThat(swapped.tracks("z.txt")).isTrue();
        }
        deleteRepository();
        try (FixtureRepo repo = repo()) { // "dir with space/ü.txt"
            GitIndex index = GitIndex.parse(index());
            assertThat(index.inStringOrder()).isFalse();
            assertThat(index.tracks("dir with space/ü.txt")).isTrue();
        }
    }

    private static int lastEntryName(byte[] bytes, String name) {
        byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = bytes.length - wanted.length; at >= 0; at--) {
            if (Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length) && bytes[at + wanted.length] == 0) {
                return at;
            }
        }
        throw new AssertionError(name + " not in the index");
    }

    private void deleteRepository() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(dir)).forEach(path -> path.toFile().delete());
        }
    }

    /** A path that is no valid UTF-8 decodes with a replacement character, out of the index's order: still found. */
    @Test
    void findsAPathThatIsNoValidUtf8() throws Exception {
        try (FixtureRepo repo = repo()) {
            byte[] bytes = index();
            int name = 12 + 62; // the first entry's path: a.txt
            assertThat((char) bytes[name]).isEqualTo('a');
            bytes[name] = (byte) 0xff;
            GitIndex index = GitIndex.parse(bytes);
            assertThat(index.path(0)).isEqualTo("\uFFFD.txt");
            assertThat(index.tracks("\uFFFD.txt")).isTrue();
            assertThat(index.tracks("z.txt")).isTrue();
            assertThat(index.tracks("a.txt")).isFalse();
        }
    }

    private void assertSameAsJGit(Repository repository) throws Exception {
        GitIndex own = GitIndex.parse(index());
        assertThat(own).isNotNull();
        assertThat(describe(own)).isEqualTo(describe(GitIndex.of(repository.readDirCache())));
        assertThat(own.size()).isGreaterThanOrEqualTo(6);
    }

    private static List<String> describe(GitIndex index) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            entries.add(index.path(i) + " " + index.stage(i) + " " + index.kind(i) + " " + index.id(i));
        }
        return entries;
    }

    private static int entryOf(GitIndex index, String path) {
        for (int i = 0; i < index.size(); i++) {
            if (index.path(i).equals(path)) {
                return i;
            }
        }
        throw new AssertionError(path + " not in the index");
    }

    private byte[] index() throws Exception {
        return Files.readAllBytes(dir.resolve(".git/index"));
    }

    private static int versionOf(byte[] index) {
        return ByteBuffer.wrap(index).getInt(4);
    }

    private String revParse(String name) throws Exception {
        Process process = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", name).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    private void git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("-c", "user.name=t", "-c", "user.email=t@t"));
        command.addAll(List.of(arguments));
        FixtureRepo.runGit(dir, command.toArray(String[]::new));
    }
}
