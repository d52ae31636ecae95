package dev.tia.engine.git;

import dev.tia.engine.Background;

import org.eclipse.jgit.lib.ObjectId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkout around a folder as the git command sees it: its working tree, git folder and index file, and the
 * commits names stand for there. Two short git commands (5-10 ms) tell it, where JGit's start takes 150-200 ms of a
 * fresh JVM (its classes, its system configuration found by running git twice, its file system's timestamp
 * resolution): a working-tree change against HEAD's own commit needs nothing more (see {@link GitRepo}).
 *
 * <p>Empty, and JGit asked instead, whenever git cannot tell: no git command, a bare repository, a working tree
 * not above the folder asked about, an object format JGit's ids do not hold.
 */
final class NativeCheckout {

    static final String HEAD = "HEAD";
    /** What git is asked about the checkout; {@code bin/tia} asks the same before the JVM starts (see {@link LaunchedGit}). */
    static final List<String> ARGUMENTS = List.of("rev-parse", "--is-bare-repository", "--show-toplevel", "--absolute-git-dir",
            "--git-path", "index", "--show-object-format");

    private final Path dir;
    private final Path workTree;
    private final Path gitDir;
    private final Path indexFile;
    /** Names asked about so far: the commit each stands for, or empty when it names none. */
    private final Map<String, Optional<ObjectId>> commits = new ConcurrentHashMap<>();
    /** The tree of HEAD's commit, when asked with it (see {@link #ask}); null otherwise. */
    private volatile ObjectId headTree;
    /** The names {@link #read} was given, being asked (see there); done at once when there were none. */
    private volatile CompletableFuture<?> askedFirst = CompletableFuture.completedFuture(null);

    /** What was asked ahead of an analysis (see {@link #startAhead}). */
    private static final StartedAhead<Optional<NativeCheckout>> AHEAD = new StartedAhead<>();

    private NativeCheckout(Path dir, Path workTree, Path gitDir, Path indexFile) {
        this.dir = dir;
        this.workTree = workTree;
        this.gitDir = gitDir;
        this.indexFile = indexFile;
    }

    /** {@link #read} on a thread of its own, or what {@link #startAhead} started for {@code dir}. */
    static CompletableFuture<Optional<NativeCheckout>> start(Path dir, Collection<String> names) {
        return AHEAD.take(dir).orElseGet(() -> started(dir, names));
    }

    /** Starts {@link #read} for a {@link #start} of the same folder within two seconds to take. */
    static CompletableFuture<Optional<NativeCheckout>> startAhead(Path dir, Collection<String> names) {
        return AHEAD.start(dir, () -> started(dir, names));
    }

    private static CompletableFuture<Optional<NativeCheckout>> started(Path dir, Collection<String> names) {
        List<String> asked = List.copyOf(names);
        return Background.run("tia-git-checkout", () -> read(dir, asked)).exceptionally(e -> Optional.empty());
    }

    /**
     * The checkout around {@code dir} (from {@code bin/tia}'s run of the same command when it made one, see
     * {@link LaunchedGit}), with the commits of {@code names} being asked; empty when git cannot tell.
     */
    static Optional<NativeCheckout> read(Path dir, Collection<String> names) {
        Optional<byte[]> output = LaunchedGit.output(LaunchedGit.CHECKOUT, dir, ARGUMENTS)
                .or(() -> GitCommand.run(dir, ARGUMENTS.toArray(String[]::new)));
        if (output.isEmpty()) {
            return Optional.empty(); // no git, not a repository, bare (no top level): JGit says what is wrong
        }
        List<String> lines = new String(output.get(), StandardCharsets.UTF_8).lines().toList();
        // An older git prints an option it does not know as it is: only sha1 ids are JGit's ObjectIds.
        if (lines.size() != 5 || !lines.get(0).equals("false") || !lines.get(4).equals("sha1")) {
            return Optional.empty();
        }
        Optional<Path> workTree = asNamedFrom(dir, Path.of(lines.get(1)));
        if (workTree.isEmpty()) {
            return Optional.empty();
        }
        NativeCheckout checkout = new NativeCheckout(dir, workTree.get(), Path.of(lines.get(2)), dir.resolve(lines.get(3)));
        // The commits on a thread of their own: with the checkout known, the repository opens and git's index is read
        // while git answers (a second process, 10-20 ms of a fresh JVM that a run waited for before reading the index).
        // Where git cannot answer, each caller of commits finds it so and asks JGit, as for a name git does not know.
        List<String> asked = List.copyOf(names);
        checkout.askedFirst = Background.run("tia-git-commits", () -> checkout.lookUp(asked));
        return Optional.of(checkout);
    }

    /**
     * The working tree's root as an ancestor of {@code dir} (or {@code dir} itself), written as the caller wrote
     * {@code dir}: git prints the root with links resolved, and tia reports paths relative to the root that JGit
     * finds from {@code dir}. Empty when no ancestor is the root (the working tree is set elsewhere).
     */
    private static Optional<Path> asNamedFrom(Path dir, Path root) {
        for (Path candidate = dir.toAbsolutePath().normalize(); candidate != null; candidate = candidate.getParent()) {
            try {
                if (Files.isSameFile(candidate, root)) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    Path workTree() {
        return workTree;
    }

    Path gitDir() {
        return gitDir;
    }

    Path indexFile() {
        return indexFile;
    }

    /**
     * The commits {@code names} stand for (a name that stands for none is left out), as {@code name^{commit}}
     * resolves in git; empty when git could not be asked, or a name cannot be written to it.
     */
    Optional<Map<String, ObjectId>> commits(Collection<String> names) {
        askedFirst.exceptionally(e -> null).join(); // what it asks, this need not ask again
        return lookUp(names);
    }

    /** {@link #commits}, asking git for what it has not been asked (at once, not after the names given to {@link #read}). */
    private Optional<Map<String, ObjectId>> lookUp(Collection<String> names) {
        List<String> unasked = new ArrayList<>();
        for (String name : names) {
            if (!oneLine(name)) {
                return Optional.empty();
            }
            if (!commits.containsKey(name) && !unasked.contains(name)) {
                unasked.add(name);
            }
        }
        if (!unasked.isEmpty() && !ask(unasked)) {
            return Optional.empty();
        }
        Map<String, ObjectId> found = new HashMap<>();
        for (String name : names) {
            commits.get(name).ifPresent(id -> found.put(name, id));
        }
        return Optional.of(found);
    }

    /**
     * The blob ids of those {@code paths} that commit {@code commit} holds as files or links (no folders, no
     * submodules), as {@code commit:path} names them in git; empty when git could not be asked, or a path cannot be
     * written to it.
     */
    Optional<Map<String, ObjectId>> blobIds(ObjectId commit, Collection<String> paths) {
        List<String> asked = List.copyOf(paths);
        List<String> objects = new ArrayList<>(asked.size());
        for (String path : asked) {
            if (!oneLine(path) || path.startsWith("./") || path.startsWith("../")) {
                return Optional.empty(); // git reads ./ and ../ from the current folder
            }
            objects.add(commit.name() + ":" + path);
        }
        Optional<List<String>> lines = batchCheck(objects);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ObjectId> ids = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            // "<id> blob" for a file or a link; "<id> tree" for a folder; "<name> missing" for a path the commit
            // lacks, and for a submodule whose commit is not in this repository ("<id> commit" when it is).
            String line = lines.get().get(i);
            Optional<ObjectId> blob = idOfType(line, "blob");
            if (blob.isPresent()) {
                ids.put(asked.get(i), blob.get());
            } else if (!line.endsWith(" tree") && !line.endsWith(" commit") && !line.endsWith(" missing")) {
                return Optional.empty(); // not an answer this reader knows
            }
        }
        return Optional.of(ids);
    }

    /**
     * The tree of {@code commit}, as git tells; empty when git could not be asked. HEAD's was asked with the first
     * commits (see {@link #ask}).
     */
    Optional<ObjectId> treeOf(ObjectId commit) {
        askedFirst.exceptionally(e -> null).join();
        if (headTree != null && commit.equals(commits.getOrDefault(HEAD, Optional.empty()).orElse(null))) {
            return Optional.of(headTree);
        }
        return batchCheck(List.of(commit.name() + "^{tree}")).flatMap(lines -> idOfType(lines.get(0), "tree"));
    }

    /**
     * Asks git for the commits of {@code names}, one line each, and with HEAD's the tree of its commit (for a run
     * whose files are git's index, the same process: see {@link #treeOf}); false when it could not answer.
     */
    private boolean ask(List<String> names) {
        List<String> objects = new ArrayList<>(names.stream().map(name -> name + "^{commit}").toList());
        boolean withTree = names.contains(HEAD) && headTree == null;
        if (withTree) {
            // HEAD's commit asked again after its tree: the same answer before and after says the tree is of that
            // commit (a commit made meanwhile elsewhere would move HEAD between the lines).
            objects.add(HEAD + "^{commit}^{tree}");
            objects.add(HEAD + "^{commit}");
        }
        Optional<List<String>> lines = batchCheck(objects);
        if (lines.isEmpty()) {
            return false;
        }
        if (withTree) {
            String before = lines.get().get(names.indexOf(HEAD));
            String after = lines.get().get(names.size() + 1);
            headTree = before.equals(after) ? idOfType(lines.get().get(names.size()), "tree").orElse(null) : null;
        }
        Map<String, Optional<ObjectId>> answers = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            // "<id> commit" when the name stands for a commit, "<name> missing" when it stands for none; anything else
            // (a short id that is "ambiguous") is left to JGit, which says what is wrong.
            String line = lines.get().get(i);
            Optional<ObjectId> commit = idOfType(line, "commit");
            if (commit.isPresent()) {
                answers.put(names.get(i), commit);
            } else if (line.equals(names.get(i) + "^{commit} missing")) {
                answers.put(names.get(i), Optional.empty());
            } else {
                return false; // not an answer this reader knows
            }
        }
        commits.putAll(answers);
        return true;
    }

    /** Whether {@code name} can be asked of git on a line of its own. */
    private static boolean oneLine(String name) {
        return !name.isEmpty() && name.indexOf('\n') < 0 && name.indexOf('\r') < 0 && name.indexOf('\0') < 0;
    }

    /**
     * {@code git cat-file --batch-check} for {@code objects} (each on a line of its own): its answer to each, in order;
     * empty when git could not answer, or did not answer each.
     */
    private Optional<List<String>> batchCheck(List<String> objects) {
        if (objects.isEmpty()) {
            return Optional.of(List.of());
        }
        StringBuilder input = new StringBuilder();
        objects.forEach(object -> input.append(object).append('\n'));
        return GitCommand.run(dir, Optional.of(input.toString()), "cat-file", "--batch-check=%(objectname) %(objecttype)")
                .map(output -> new String(output, StandardCharsets.UTF_8).lines().toList())
                .filter(lines -> lines.size() == objects.size());
    }

    /** The id in an answer {@code "<id> <type>"} of {@link #batchCheck}, when it names an object of {@code type}. */
    private static Optional<ObjectId> idOfType(String line, String type) {
        String id = line.endsWith(" " + type) ? line.substring(0, line.length() - type.length() - 1) : "";
        return ObjectIds.parse(id);
    }
}
