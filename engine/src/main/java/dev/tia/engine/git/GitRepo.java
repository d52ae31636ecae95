package dev.tia.engine.git;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;

import dev.tia.engine.Background;
import dev.tia.engine.TiaException;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The git repository holding the project: finds the change and gives the trees at base and head.
 *
 * <p>The only class tia has that talks to JGit's porcelain; failures the user can fix become a
 * {@link TiaException} that says what to do.
 */
public final class GitRepo implements AutoCloseable {

    /** Tried in order when no base is configured. */
    private static final List<String> DEFAULT_BASES = List.of("origin/main", "main", "origin/master", "master");

    /** JGit's view, opened only when a git object must be read (see {@link NativeCheckout}). */
    private final RepositoryHandle repository;
    private final Path workTree;
    /** Where git keeps the repository's files ({@code .git}, or a linked worktree's folder in it). */
    private final Path gitDir;
    /** What the git command told of the checkout, when the working tree is compared and git could tell. */
    private final Optional<NativeCheckout> checkout;
    /**
     * The git command's status of the working tree when asked for as the repository was opened (empty: use JGit);
     * null when it is to be asked on first use.
     */
    private final CompletableFuture<Optional<StatusSets>> nativeStatus;
    /** The working tree's status, computed once: it does not change during one analysis. */
    private StatusSets status;
    /**
     * git's index, read once: both the change and the working tree's file list need it, and reading it takes about
     * 30 ms of a fresh JVM at 67k files (see {@link GitIndex}; JGit's reader took 50-70). Started with the status when
     * the working tree is compared; null until first needed otherwise.
     */
    private CompletableFuture<GitIndex> index;
    /**
     * The base of the last working-tree change when git tells its files' blob ids without JGit: HEAD's commit, whose
     * files git's index names (see {@link #sinceHead}), or the merge-base of a branch ahead of its base, whose files
     * are HEAD's but for those committed since (see {@link #sinceMergeBase}); null otherwise.
     */
    private KnownBase knownBase;

    /**
     * The head commit of the last change measured by {@link #headFromIndex}, whose files are git's index (see
     * {@link #tree}); null otherwise.
     */
    private ObjectId indexedHead;

    /** A base commit, and what was committed since it when it is not HEAD's (empty when it is). */
    private record KnownBase(ObjectId commit, Optional<NativeCommittedChange> committed) {
    }

    private GitRepo(RepositoryHandle repository, Path workTree, Path gitDir, Optional<NativeCheckout> checkout,
            CompletableFuture<Optional<StatusSets>> nativeStatus, boolean readIndexNow) {
        this.repository = repository;
        this.workTree = workTree;
        this.gitDir = gitDir;
        this.checkout = checkout;
        this.nativeStatus = nativeStatus;
        this.index = readIndexNow ? Background.run("tia-git-index", this::readIndex) : null;
    }

    /**
     * Opens the repository that contains {@code dir}.
     *
     * @throws TiaException when {@code dir} is not inside a git working tree
     */
    public static GitRepo open(Path dir) {
        return open(dir, true, false);
    }

    /**
     * Opens the repository that contains {@code dir} to compare its working tree: the git command's status starts
     * at once, and git tells where the checkout is and what HEAD is; JGit opens the repository only when a git
     * object must be read (its start takes as long as the status, in a fresh JVM).
     */
    public static GitRepo openWithWorkingTree(Path dir) {
        return open(dir, true, true);
    }

    /**
     * @param nativeStatus whether to ask the git command for the status first (JGit when false or unavailable)
     * @param statusNow whether to start the git command right away
     */
    static GitRepo open(Path dir, boolean nativeStatus, boolean statusNow) {
        if (!Files.isDirectory(dir)) {
            throw new TiaException(dir + " is not a directory: pass --repo with the folder of a git repository");
        }
        // git finds the same repository from dir, and prints paths relative to its root in porcelain format.
        // Null: the git command is to be asked when the status is first needed.
        CompletableFuture<Optional<StatusSets>> status = !nativeStatus ? CompletableFuture.completedFuture(Optional.empty())
                : statusNow ? NativeGitStatus.start(dir) : null;
        // Asked for a commit's change too: git tells it without JGit when the commit is HEAD's (see headFromIndex).
        Optional<NativeCheckout> checkout = nativeStatus
                ? Background.await(NativeCheckout.start(dir, namesAhead(Optional.empty()))) : Optional.empty();
        if (checkout.isPresent()) {
            NativeCheckout found = checkout.get();
            return new GitRepo(RepositoryHandle.lazy(() -> jgit(dir, Optional.of(found.gitDir()))), found.workTree(),
                    found.gitDir(), checkout, status, statusNow);
        }
        Repository repository = jgit(dir, Optional.empty()); // where git could not tell, JGit says what is wrong
        return new GitRepo(RepositoryHandle.of(repository), repository.getWorkTree().toPath().toAbsolutePath().normalize(),
                repository.getDirectory().toPath(), Optional.empty(), status, statusNow);
    }

    /**
     * JGit's repository that contains {@code dir}; when git found it already ({@code gitDir}), the same one, or
     * the paths tia reports and the files it reads would come from two repositories.
     */
    private static Repository jgit(Path dir, Optional<Path> gitDir) {
        awaitPrepared();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            throw new TiaException(dir.toAbsolutePath() + " is not inside a git repository: run tia in a git checkout"
                    + " (or pass --repo DIR)");
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                throw new TiaException(builder.getGitDir() + " is a bare repository: tia needs a checkout with a working tree");
            }
            if (gitDir.isPresent() && !Files.isSameFile(repository.getDirectory().toPath(), gitDir.get())) {
                repository.close();
                throw new TiaException("git and JGit find different repositories from " + dir + " (" + gitDir.get()
                        + " and " + builder.getGitDir() + "): check GIT_DIR and GIT_WORK_TREE, or set TIA_NATIVE_GIT=false");
            }
            return repository;
        } catch (IOException e) {
            throw new TiaException("cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #prepare} started, for an open to wait for rather than do the same work beside it. */
    private static final AtomicReference<CompletableFuture<?>> PREPARED = new AtomicReference<>();

    /**
     * Starts, on another thread, what JGit does once per process before it opens its first repository: it runs
     * {@code git --version} and {@code git config --system} to find git's system configuration, about 80 ms of a
     * fresh JVM's warm run. JGit keeps the result, so an open that comes later finds it done, and one that comes
     * while it runs waits for it (see {@link #open}). Nothing is skipped: the configuration read is the same either way.
     */
    public static void prepare() {
        if (PREPARED.get() == null) {
            PREPARED.compareAndSet(null, Background.run("tia-git-prepare", () -> {
                try {
                    return SystemReader.getInstance().getSystemConfig();
                } catch (IOException | ConfigInvalidException e) {
                    return null; // opening the repository meets the same problem and reports it
                }
            }));
        }
    }

    /**
     * Waits for what {@link #prepare} started, if anything. JGit does not share the work in progress: an open that
     * came while it ran found no system configuration yet and ran the same two git commands itself, beside the
     * first two, on a machine whose two cores git's status already keeps busy.
     */
    private static void awaitPrepared() {
        CompletableFuture<?> prepared = PREPARED.get();
        if (prepared != null) {
            prepared.exceptionally(e -> null).join(); // a failure is met again, and reported, by the open
        }
    }

    /**
     * Starts, for an {@link #openWithWorkingTree} of the same folder within two seconds to take, git's status of the
     * working tree at {@code dir} and git's account of the checkout there (see {@link NativeCheckout}); then JGit's
     * start (see {@link #prepare}) unless git can tell the change itself: in a checkout whose history is whole, against
     * HEAD's own commit or from a merge-base (see {@link #sinceHead}, {@link #sinceMergeBase}); a shallow clone's
     * history may need deepening, which JGit does.
     *
     * @param base the base the analysis compares with, when known (empty: the default base)
     */
    public static void startAhead(Path dir, Optional<String> base) {
        if (!Files.isDirectory(dir)) {
            return; // the open says so
        }
        NativeGitStatus.startAhead(dir);
        startCheckoutAhead(dir, base);
    }

    /**
     * Starts, for an {@link #open} of the same folder within two seconds to take, git's account of the checkout at
     * {@code dir} (see {@link NativeCheckout}), for the analysis of a commit; then JGit's start where git cannot tell
     * the change (no checkout git knows, a shallow clone, whose history JGit deepens). A commit that is not HEAD's, or
     * one git's index does not list (see {@link #headFromIndex}), opens JGit without its start ahead.
     *
     * @param base the base the analysis compares with, when known (empty: the default base)
     */
    public static void startCheckoutAhead(Path dir, Optional<String> base) {
        if (!Files.isDirectory(dir)) {
            return; // the open says so
        }
        NativeCheckout.startAhead(dir, namesAhead(base)).thenAccept(checkout -> {
            // git tells the change of a checkout whose history is whole, against HEAD or from a merge-base
            if (checkout.isEmpty() || Files.isRegularFile(checkout.get().gitDir().resolve("shallow"))) {
                prepare();
            }
        });
    }

    /** The names git is asked about ahead: HEAD, and the base or the default base's candidates. */
    private static List<String> namesAhead(Optional<String> base) {
        List<String> names = new ArrayList<>(List.of(NativeCheckout.HEAD));
        names.addAll(base.map(List::of).orElse(DEFAULT_BASES));
        return names;
    }

    /** The first of {@link #DEFAULT_BASES} that stands for a commit, as git tells; empty when none does or git cannot tell. */
    private static Optional<String> defaultBase(NativeCheckout checkout) {
        return checkout.commits(DEFAULT_BASES).flatMap(found -> DEFAULT_BASES.stream().filter(found::containsKey).findFirst());
    }

    /** HEAD's commit when {@code base} stands for it, as git tells; empty otherwise (or when git cannot tell, or HEAD has none). */
    private static Optional<ObjectId> headAt(NativeCheckout checkout, String base) {
        return checkout.commits(List.of(NativeCheckout.HEAD, base)).flatMap(found -> {
            ObjectId head = found.get(NativeCheckout.HEAD);
            return head != null && head.equals(found.get(base)) ? Optional.of(head) : Optional.empty();
        });
    }

    /** The root of the working tree; every path tia reports is relative to it. */
    public Path workTree() {
        return workTree;
    }

    /** True when this is a shallow clone (history is cut off). */
    public boolean isShallow() {
        return Files.isRegularFile(gitDir.resolve("shallow"));
    }

    /**
     * The change from the merge-base of {@code base} and head to head.
     *
     * @param base a ref, or empty for origin/main, else main, origin/master, master
     * @param head a ref, or empty for the working tree (committed, staged, unstaged and untracked files)
     */
    public ChangeSet changes(Optional<String> base, Optional<String> head) {
        // Found once, whether the change is measured against HEAD or on the general path below.
        Supplier<String> chosenBase = Suppliers.memoize(() -> base.orElseGet(this::defaultBase));
        if (head.isPresent()) {
            Optional<ChangeSet> fromIndex = headFromIndex(chosenBase, head.get());
            if (fromIndex.isPresent()) {
                return fromIndex.get();
            }
        }
        if (head.isEmpty()) {
            try {
                Optional<ChangeSet> sinceHead = sinceHead(chosenBase);
                if (sinceHead.isPresent()) {
                    return sinceHead.get();
                }
                Optional<ChangeSet> sinceMergeBase = sinceMergeBase(chosenBase);
                if (sinceMergeBase.isPresent()) {
                    return sinceMergeBase.get();
                }
            } catch (IOException | GitAPIException e) {
                throw new TiaException("cannot read the git repository at " + workTree + ": " + e.getMessage(), e);
            }
        }
        try (RevWalk walk = new RevWalk(repository.get())) {
            RevCommit headCommit = head.isPresent() ? commit(walk, head.get(), "head") : currentCommit(walk);
            String headLabel = head.isPresent() ? headCommit.name() : ChangeSet.WORKTREE;
            String baseRef = chosenBase.get();
            Optional<String> deepened = Optional.empty();
            if (isShallow() && (resolve(baseRef).isEmpty() || mergeBase(resolve(baseRef).get(), headCommit).isEmpty())) {
                // CI checkouts are often shallow: fetch the history the comparison needs, within bounds.
                deepened = new ShallowDeepener(repository.get()).deepenUntil(baseRef,
                        () -> resolve(baseRef).flatMap(b -> mergeBaseQuietly(b, headCommit)).isPresent());
            }
            if (resolve(baseRef).isEmpty() && isShallow()) {
                return new ChangeSet("", baseRef, headLabel, ImmutableList.of(), Optional.of("base " + baseRef
                        + " is not in this shallow clone" + (new ShallowDeepener(repository.get()).hasRemote()
                                ? " even after fetching " + ShallowDeepener.MAX_DEPTH + " commits" : "")
                        + ": fetch full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)"));
            }
            RevCommit baseCommit = commit(walk, baseRef, "base");
            Optional<RevCommit> mergeBase = mergeBase(baseCommit, headCommit);
            if (mergeBase.isEmpty()) {
                String gap = isShallow()
                        ? "base " + baseRef + " and head share no history in this shallow clone: fetch full history"
                                + " (actions/checkout with fetch-depth: 0, or git fetch --unshallow)"
                        : "base " + baseRef + " and head share no history";
                return new ChangeSet(baseCommit.name(), baseRef, headLabel, ImmutableList.of(), Optional.of(gap));
            }
            RevCommit from = walk.parseCommit(mergeBase.get());
            ImmutableList<FileChange> changes = head.isPresent()
                    ? sorted(new TreeDiff(repository.get()).diff(from, headCommit))
                    : sorted(workingTreeChanges(from, headCommit));
            return new ChangeSet(from.name(), baseRef, headLabel, changes, Optional.empty(), deepened);
        } catch (MissingObjectException e) {
            throw new TiaException("git object " + e.getObjectId().name() + " is missing"
                    + (isShallow() ? " in this shallow clone: fetch full history (fetch-depth: 0, or git fetch --unshallow)"
                            : ": the repository is incomplete or corrupt (try git fsck)"), e);
        } catch (IOException | GitAPIException e) {
            throw new TiaException("cannot read the git repository at " + workTree + ": " + e.getMessage(), e);
        }
    }

    /**
     * The change up to commit {@code headRef} when it is HEAD's own and git's index lists exactly its files (see
     * {@link GitIndex#tree}): a CI job's checkout, a branch just committed. Found without JGit (its start took 190-200
     * ms of a fresh JVM, its read of the commit's tree 85-105 ms at 67k files) and without git's status, which walks
     * every file of the working tree (a third of a second there) and tells nothing about a commit: git tells the
     * commits, the merge-base and what was committed since (see {@link NativeCommittedChange}), and the commit's
     * files with their blob ids are git's index (see {@link #tree}). Empty when git could not tell, the commit is not
     * HEAD's, the index holds other content (a staged change), or JGit's diff could tell the change otherwise (see
     * {@link NativeCommittedChange#sameAsJgitDiff}): then JGit reads the commit's tree, as before.
     */
    private Optional<ChangeSet> headFromIndex(Supplier<String> base, String headRef) {
        if (checkout.isEmpty() || !headHasCommit()) {
            return Optional.empty();
        }
        if (index == null) {
            index = Background.run("tia-git-index", this::readIndex); // while git tells the commits
        }
        String baseRef = base.get();
        Optional<Map<String, ObjectId>> commits = checkout.get().commits(List.of(NativeCheckout.HEAD, headRef, baseRef));
        if (commits.isEmpty()) {
            return Optional.empty();
        }
        ObjectId head = commits.get().get(headRef);
        ObjectId baseCommit = commits.get().get(baseRef);
        if (head == null || baseCommit == null || !head.equals(commits.get().get(NativeCheckout.HEAD))) {
            return Optional.empty(); // another commit, or a name git does not know: JGit's path says which
        }
        // git's diff reads git's index too (50-60 ms at 67k files): beside this thread's read and check of it.
        CompletableFuture<Optional<NativeCommittedChange>> diff = Background.run("tia-git-diff",
                () -> NativeCommittedChange.read(workTree, baseCommit, head));
        Optional<String> indexTree;
        try {
            indexTree = index().tree();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an index git's reader and JGit's cannot read (split, sparse): the commit's tree
        }
        if (indexTree.isEmpty() || !checkout.get().treeOf(head).map(ObjectId::name).equals(indexTree)) {
            return Optional.empty();
        }
        Optional<NativeCommittedChange> committed = Background.await(diff);
        if (committed.isEmpty() || !committed.get().sameAsJgitDiff()) {
            // Two merge-bases, none, or a shallow history without it: JGit, which deepens. A change JGit's diff of two
            // commits may tell otherwise (a rename, a file become a link): JGit, so the answer is the one it gave.
            return Optional.empty();
        }
        knownBase = new KnownBase(committed.get().mergeBase(), committed);
        indexedHead = head;
        return Optional.of(new ChangeSet(committed.get().mergeBase().name(), baseRef, head.name(),
                sorted(committed.get().changes()), Optional.empty()));
    }

    /** Whether HEAD names a commit, as git tells (true when git cannot tell: the path that follows finds out). */
    private boolean headHasCommit() {
        return checkout.get().commits(List.of(NativeCheckout.HEAD)).map(found -> found.containsKey(NativeCheckout.HEAD)).orElse(true);
    }

    /** Whether the last change was measured up to a commit whose files are git's index (see {@link #headFromIndex}). */
    public boolean headCommitFromIndex() {
        return indexedHead != null;
    }

    /**
     * The working tree's change when the base is HEAD's commit itself (edits not yet committed on the base branch),
     * found without JGit: git tells where the checkout is and which commits HEAD and the base are; the merge-base is
     * HEAD, nothing was committed since, and HEAD's blob ids of the paths git's status names are those of git's index
     * when none of them has a staged change. JGit's start takes 150-200 ms of a fresh JVM, and it reads the whole
     * index of a pack on the first object it looks up (100 ms and 50 MB of heap for a million objects), a cost that
     * follows the history's size, not the change's. Empty when the base is another commit, or git could not tell.
     */
    private Optional<ChangeSet> sinceHead(Supplier<String> base) throws IOException, GitAPIException {
        if (checkout.isEmpty() || !headHasCommit()) {
            return Optional.empty(); // no commit yet: the general path says so, before it looks for a base
        }
        String baseRef = base.get();
        Optional<ObjectId> head = headAt(checkout.get(), baseRef);
        if (head.isEmpty()) {
            return Optional.empty(); // another commit, or none yet: the general path measures it, or says so
        }
        KnownBase known = new KnownBase(head.get(), Optional.empty());
        List<FileChange> changes = changesSince(known, List.of());
        knownBase = known;
        return Optional.of(new ChangeSet(known.commit().name(), baseRef, ChangeSet.WORKTREE, sorted(changes), Optional.empty()));
    }

    /**
     * The working tree's change when the base is another commit than HEAD's (a branch ahead of its base: a developer's
     * feature branch, a pull request's checkout in CI), found without JGit: git tells the merge-base and what was
     * committed since (see {@link NativeCommittedChange}), and the blob ids there of the paths that change names are
     * the diff's, or HEAD's for the rest. Empty when git could not tell: then JGit measures, and in a shallow clone
     * whose history lacks the base or the merge-base, deepens it first. (Where the shallow history holds both, git
     * finds the merge-base JGit finds: a common ancestor of two commits in it has its descendants in it too.)
     */
    private Optional<ChangeSet> sinceMergeBase(Supplier<String> base) throws IOException, GitAPIException {
        if (checkout.isEmpty() || !headHasCommit()) {
            return Optional.empty();
        }
        String baseRef = base.get();
        Optional<Map<String, ObjectId>> commits = checkout.get().commits(List.of(NativeCheckout.HEAD, baseRef));
        if (commits.isEmpty() || !commits.get().containsKey(NativeCheckout.HEAD) || !commits.get().containsKey(baseRef)) {
            return Optional.empty(); // no commit yet, or no such base: JGit's path says which
        }
        Optional<NativeCommittedChange> committed = NativeCommittedChange.read(workTree, commits.get().get(baseRef),
                commits.get().get(NativeCheckout.HEAD));
        if (committed.isEmpty()) {
            return Optional.empty();
        }
        KnownBase known = new KnownBase(committed.get().mergeBase(), committed);
        List<FileChange> changes = changesSince(known, committed.get().changes());
        knownBase = known;
        return Optional.of(new ChangeSet(known.commit().name(), baseRef, ChangeSet.WORKTREE, sorted(changes), Optional.empty()));
    }

    /** What changed in the working tree since {@code base}, given what was committed since it. */
    private List<FileChange> changesSince(KnownBase base, List<FileChange> committed) throws IOException, GitAPIException {
        StatusSets status = status();
        GitIndex index = index();
        return new WorkingTreeDiff(workTree).diff(paths -> {
            Optional<Map<String, ObjectId>> known = idsKnownAt(base, paths, status, index);
            return known.isPresent() ? known.get() : idsAt(base.commit(), paths);
        }, committed, status, index);
    }

    /**
     * The blob ids of {@code paths} at a known base, without JGit: the committed diff's for the paths it names, and
     * for the rest HEAD's, from git's index, or when it holds staged changes from the git command. Empty when
     * neither could tell.
     */
    private Optional<Map<String, ObjectId>> idsKnownAt(KnownBase base, Set<String> paths, StatusSets status, GitIndex index) {
        Map<String, ObjectId> ids = new HashMap<>();
        Set<String> unchanged = paths;
        if (base.committed().isPresent()) {
            NativeCommittedChange committed = base.committed().get();
            ids.putAll(committed.idsAtMergeBase(paths));
            unchanged = paths.stream().filter(path -> !committed.names(path)).collect(Collectors.toSet());
        }
        Set<String> rest = unchanged;
        Optional<Map<String, ObjectId>> atHead = idsAtHead(rest, status, index)
                .or(() -> checkout.flatMap(told -> told.blobIds(base.commit(), rest)));
        atHead.ifPresent(ids::putAll);
        return atHead.map(found -> ids);
    }

    /** Whether the last working-tree change was measured against HEAD itself, from git's index (for tests). */
    boolean measuredAgainstHead() {
        return knownBase != null && knownBase.committed().isEmpty();
    }

    /** Whether the last working-tree change was measured from a merge-base git told, without JGit (for tests). */
    boolean measuredFromMergeBase() {
        return knownBase != null && knownBase.committed().isPresent();
    }

    /** Whether JGit's repository was opened (for tests: a change against HEAD needs none). */
    boolean openedJgit() {
        return repository.opened();
    }

    /**
     * HEAD's blob ids of {@code paths} (those HEAD holds as files or links), from git's index: an entry without a
     * staged change is HEAD's, and a path the index lacks is not in HEAD. Empty when a path has a staged change, a
     * conflict, or an entry added with intent to add: then the index does not tell HEAD's content.
     */
    private static Optional<Map<String, ObjectId>> idsAtHead(Set<String> paths, StatusSets status, GitIndex index) {
        Map<String, ObjectId> ids = new HashMap<>();
        for (String path : paths) {
            if (status.added().contains(path) || status.changed().contains(path) || status.removed().contains(path)
                    || status.conflicting().contains(path)) {
                return Optional.empty();
            }
            int entry = index.find(path);
            if (entry < 0 || index.kind(entry) == GitIndex.Kind.GITLINK) {
                continue; // not in HEAD, or a submodule, which has no blob
            }
            if (index.stage(entry) != 0 || index.id(entry) == null) {
                return Optional.empty();
            }
            ids.put(path, ObjectIds.of(index.id(entry)));
        }
        return Optional.of(ids);
    }

    /** {@link WorkingTreeDiff#idsAt}, for commit {@code commitId}. */
    private Map<String, ObjectId> idsAt(ObjectId commitId, Set<String> paths) throws IOException {
        try (RevWalk walk = new RevWalk(repository.get())) {
            return WorkingTreeDiff.idsAt(repository.get(), walk.parseCommit(commitId), paths);
        }
    }

    private Optional<RevCommit> resolve(String ref) {
        try (RevWalk walk = new RevWalk(repository.get())) {
            ObjectId id = repository.get().resolve(ref + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(walk.parseCommit(id));
        } catch (IOException | RevisionSyntaxException e) {
            return Optional.empty();
        }
    }

    private Optional<RevCommit> mergeBaseQuietly(RevCommit a, RevCommit b) {
        try {
            return mergeBase(a, b);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The tree at {@code label}: a commit id, or {@link ChangeSet#WORKTREE}. */
    public SourceTree tree(String label) {
        try {
            if (ChangeSet.WORKTREE.equals(label)) {
                return workingTree();
            }
            if (indexedHead != null && indexedHead.name().equals(label)) {
                return indexedCommit();
            }
            try (RevWalk walk = new RevWalk(repository.get())) {
                return CommitTree.of(repository, walk.parseCommit(ObjectId.fromString(label)));
            }
        } catch (IOException | GitAPIException e) {
            throw new TiaException("cannot read the files of " + label + ": " + e.getMessage(), e);
        }
    }

    /** A commit of the history, with its first parent (none for a root commit). */
    public record HistoryEntry(String commit, Optional<String> firstParent, String subject, boolean merge) {
    }

    /** The last {@code count} commits reachable from HEAD along first parents, newest first. */
    public List<HistoryEntry> firstParentHistory(int count) {
        List<HistoryEntry> history = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository.get())) {
            ObjectId head = repository.get().resolve(Constants.HEAD);
            if (head == null) {
                throw new TiaException("the repository at " + workTree + " has no commits yet: commit once, then run tia");
            }
            RevCommit commit = walk.parseCommit(head);
            while (commit != null && history.size() < count) {
                RevCommit parent = commit.getParentCount() > 0 ? walk.parseCommit(commit.getParent(0)) : null;
                history.add(new HistoryEntry(commit.name(), Optional.ofNullable(parent).map(RevCommit::name),
                        commit.getShortMessage(), commit.getParentCount() > 1));
                commit = parent;
            }
        } catch (MissingObjectException e) {
            // a shallow clone ends the history early: what is there is what can be replayed
        } catch (IOException e) {
            throw new TiaException("cannot read the history of " + workTree + ": " + e.getMessage(), e);
        }
        return history;
    }

    /** Only {@code paths} of commit {@code commitId}: for reading a few files at base. */
    public SourceTree files(String commitId, Collection<String> paths) {
        if (paths.isEmpty()) {
            return CommitTree.empty(repository, commitId); // nothing asked: no commit to read (and no filter = every file)
        }
        if (knownBase != null && knownBase.commit().name().equals(commitId)) {
            // The change was measured without JGit: git's index and the committed diff name the base's blobs.
            try {
                // A commit's files from git's index have no status to read: the index is the commit's (see headFromIndex).
                StatusSets status = indexedHead != null ? StatusSets.CLEAN : status();
                Optional<Map<String, ObjectId>> ids = idsKnownAt(knownBase, new HashSet<>(paths), status, index());
                if (ids.isPresent()) {
                    return CommitTree.of(repository, commitId, ids.get());
                }
            } catch (IOException | GitAPIException e) {
                throw new TiaException("cannot read the files of " + commitId + ": " + e.getMessage(), e);
            }
        }
        try (RevWalk walk = new RevWalk(repository.get())) {
            return CommitTree.of(repository, walk.parseCommit(ObjectId.fromString(commitId)), Optional.of(paths));
        } catch (IOException e) {
            throw new TiaException("cannot read the files of " + commitId + ": " + e.getMessage(), e);
        }
    }

    private String defaultBase() {
        Optional<String> told = checkout.flatMap(GitRepo::defaultBase);
        if (told.isPresent()) {
            return told.get();
        }
        for (String candidate : DEFAULT_BASES) {
            try {
                if (repository.get().resolve(candidate + "^{commit}") != null) {
                    return candidate;
                }
            } catch (IOException | RevisionSyntaxException e) {
                // an unusable candidate is simply not the default base
            }
        }
        if (isShallow() && new ShallowDeepener(repository.get()).hasRemote()) {
            return DEFAULT_BASES.get(0); // fetched below, or reported as missing from this shallow clone
        }
        throw new TiaException("no base to compare with: none of " + String.join(", ", DEFAULT_BASES)
                + " exists; pass --base REF (for example --base HEAD~1)" + refsHint());
    }

    private RevCommit currentCommit(RevWalk walk) throws IOException {
        ObjectId head = repository.get().resolve(Constants.HEAD);
        if (head == null) {
            throw new TiaException("the repository at " + workTree + " has no commits yet: commit once, then run tia");
        }
        return walk.parseCommit(head);
    }

    private RevCommit commit(RevWalk walk, String ref, String role) throws IOException {
        ObjectId id;
        try {
            id = repository.get().resolve(ref + "^{commit}");
        } catch (RevisionSyntaxException e) {
            throw new TiaException(role + " '" + ref + "' is not a valid revision: " + e.getMessage());
        }
        if (id == null) {
            if (repository.get().resolve(Constants.HEAD) == null) {
                throw new TiaException("the repository at " + workTree + " has no commits yet: commit once, then run tia");
            }
            String advice = isShallow()
                    ? "; this is a shallow clone, so it may lie outside the fetched history: fetch full history"
                            + " (actions/checkout with fetch-depth: 0, or git fetch --unshallow)"
                    : "";
            throw new TiaException(role + " '" + ref + "' not found" + advice + refsHint());
        }
        try {
            return walk.parseCommit(id);
        } catch (MissingObjectException e) {
            throw new TiaException(role + " '" + ref + "' points to commit " + id.name() + ", which is not in this clone"
                    + (isShallow() ? " (shallow): fetch full history (fetch-depth: 0, or git fetch --unshallow)" : ""), e);
        }
    }

    private String refsHint() {
        try {
            List<Ref> refs = repository.get().getRefDatabase().getRefs();
            List<String> names = refs.stream().map(Ref::getName)
                    .filter(n -> n.startsWith(Constants.R_HEADS) || n.startsWith(Constants.R_REMOTES) || n.startsWith(Constants.R_TAGS))
                    .map(Repository::shortenRefName)
                    .sorted().limit(12).collect(Collectors.toList());
            return names.isEmpty() ? "" : "; refs that exist: " + String.join(", ", names) + (refs.size() > 12 ? ", ..." : "");
        } catch (IOException e) {
            return "";
        }
    }

    private Optional<RevCommit> mergeBase(RevCommit a, RevCommit b) throws IOException {
        try (RevWalk walk = new RevWalk(repository.get())) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            return Optional.ofNullable(walk.next());
        }
    }

    private List<FileChange> workingTreeChanges(RevCommit base, RevCommit headCommit) throws IOException, GitAPIException {
        List<FileChange> committed = new TreeDiff(repository.get()).diff(base, headCommit);
        StatusSets status = status();
        return new WorkingTreeDiff(workTree).diff(paths -> WorkingTreeDiff.idsAt(repository.get(), base, paths), committed, status, index());
    }

    private StatusSets status() throws GitAPIException {
        if (status == null) {
            Optional<StatusSets> fromGit = nativeStatus == null ? NativeGitStatus.read(workTree) : nativeStatus.join();
            status = fromGit.isPresent() ? fromGit.get() : StatusSets.of(
                    Git.wrap(repository.get()).status().setIgnoreSubmodules(SubmoduleWalk.IgnoreSubmoduleMode.ALL).call());
        }
        return status;
    }

    private GitIndex readIndex() {
        try {
            return readIndexNow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** git's index: where git said it is, with JGit's reader for a form tia's does not know; else as JGit finds it. */
    private GitIndex readIndexNow() throws IOException {
        return checkout.isPresent()
                ? GitIndex.read(checkout.get().indexFile(), () -> repository.get().readDirCache())
                : GitIndex.read(repository.get());
    }

    private GitIndex index() throws IOException {
        if (index == null) {
            index = CompletableFuture.completedFuture(readIndexNow());
        }
        try {
            return index.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException problem) { // a TiaException that says what to do
                throw problem;
            }
            throw e;
        }
    }

    /** The files of {@link #indexedHead}: git's index, which lists exactly them (see {@link #headFromIndex}). */
    private IndexedCommit indexedCommit() throws IOException {
        GitIndex index = index();
        String[] paths = new String[index.size()];
        String[] ids = new String[paths.length];
        Set<String> links = new HashSet<>();
        int kept = 0;
        for (int i = 0; i < paths.length; i++) {
            // As the commit's tree lists them: files and links, no submodules (their commits are not this project's
            // files), and no entry added with intent to add (no content yet, and none in the commit).
            if (index.stage(i) == 0 && index.kind(i) != GitIndex.Kind.GITLINK && index.id(i) != null) {
                paths[kept] = index.path(i);
                ids[kept] = index.id(i);
                if (index.kind(i) == GitIndex.Kind.LINK) {
                    links.add(paths[kept]);
                }
                kept++;
            }
        }
        String[] files = Arrays.copyOf(paths, kept);
        String[] fileIds = Arrays.copyOf(ids, kept);
        FileTable table = index.inStringOrder() ? FileTable.ofOrdered(files, fileIds) : FileTable.of(files, fileIds);
        return new IndexedCommit(indexedHead.name(), workTree, table, links, repository);
    }

    private WorkingTree workingTree() throws IOException, GitAPIException {
        StatusSets status = status();
        Set<String> dirty = new HashSet<>(status.modified());
        dirty.addAll(status.conflicting());
        GitIndex index = index();
        String[] paths = new String[index.size()];
        String[] ids = new String[paths.length];
        boolean[] links = new boolean[paths.length];
        Map<String, String> editedIds = new ConcurrentHashMap<>();
        // On both cores: with changed or missing files, each path is looked up in the status's sets.
        IntStream.range(0, paths.length).parallel().forEach(i -> {
            String path = index.path(i);
            if ((index.stage(i) == DirCacheEntry.STAGE_0 || index.stage(i) == DirCacheEntry.STAGE_2)
                    && index.kind(i) != GitIndex.Kind.GITLINK && !status.missing().contains(path)) {
                paths[i] = path;
                links[i] = index.kind(i) == GitIndex.Kind.LINK;
                boolean edited = dirty.contains(path);
                ids[i] = edited ? null : index.id(i);
                if (edited && index.id(i) != null) {
                    editedIds.put(path, index.id(i));
                }
            }
        });
        // git's index is sorted by path already: arrays in its order (see FileTable) beat a tree set and a map of
        // ids in this loop, which visits every file of the repository on every run.
        Set<String> toCheck = new HashSet<>(status.untracked());
        // The paths whose place in the list, or id, is not the index's alone (see IndexBasis): what status named, and
        // what is looked at on disk. Kept only while git's index has a checksum.
        Optional<String> checksum = index.checksum();
        ImmutableSortedSet.Builder<String> named = ImmutableSortedSet.naturalOrder();
        if (checksum.isPresent()) {
            named.addAll(status.modified()).addAll(status.conflicting()).addAll(status.missing()).addAll(status.untracked());
        }
        int kept = 0;
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] != null) {
                if (links[i]) {
                    toCheck.add(paths[i]);
                }
                if (checksum.isPresent() && (links[i] || ids[i] == null)) { // a link, an edit, an entry added with intent to add
                    named.add(paths[i]);
                }
                paths[kept] = paths[i];
                ids[kept] = ids[i];
                kept++;
            }
        }
        // Tracked regular files that status does not call missing are on disk; only links and untracked paths
        // need a look (a link to a folder is no file), which spares a stat per file of a large repository.
        Set<String> notFiles = new HashSet<>();
        for (String path : toCheck) {
            if (!Files.isRegularFile(workTree.resolve(path))) {
                notFiles.add(path);
            }
        }
        List<String> untracked = new ArrayList<>(status.untracked());
        if (!notFiles.isEmpty()) {
            int files = 0;
            for (int i = 0; i < kept; i++) {
                if (!notFiles.contains(paths[i])) {
                    paths[files] = paths[i];
                    ids[files++] = ids[i];
                }
            }
            kept = files;
            untracked.removeIf(notFiles::contains);
        }
        String[] files = Arrays.copyOf(paths, kept);
        String[] fileIds = Arrays.copyOf(ids, kept);
        FileTable tracked = index.inStringOrder() ? FileTable.ofOrdered(files, fileIds) : FileTable.of(files, fileIds);
        return new WorkingTree(workTree, tracked.with(untracked), editedIds, repository,
                checksum.map(sum -> new IndexBasis(sum, named.build())));
    }

    private static ImmutableList<FileChange> sorted(List<FileChange> changes) {
        return changes.stream().sorted((x, y) -> x.path().compareTo(y.path())).collect(ImmutableList.toImmutableList());
    }

    @Override
    public void close() {
        repository.close();
    }
}
