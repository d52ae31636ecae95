package dev.tia.engine.graph;

import com.google.common.base.Supplier;
import com.google.common.collect.Collections2;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;

import dev.tia.engine.git.IndexBasis;
import dev.tia.engine.io.AtomicFiles;
import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFolder;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.io.FileBytes;
import dev.tia.engine.project.MavenModule;
import dev.tia.engine.project.Workspace;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.IndexedFile;
import dev.tia.engine.source.ResourceFacts;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TestCatalog;
import dev.tia.engine.source.TestClass;
import dev.tia.engine.source.TypeRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * The dependency graph and the test catalog of one state of the project, kept so that a warm run whose files give
 * them as they were reads them instead of building them, and builds neither the type universe nor every file's
 * resolved names unless a member-level walk asks for them (about 200 ms of a run without change at 50k classes).
 *
 * <p>The stored graph is used only when it is exactly what a build would make now: the same tia version, the same
 * implementation-edge setting, the same modules and module dependencies, the same resources with the same names in
 * them, the same Java files in the same modules and roots, in the same order, and each file either with the content
 * it had or with content whose {@link FileFacts#graphInputs() graph inputs} are those of the content it had (an edit
 * of method bodies that names nothing new). Those are everything the universe, name resolution, the graph builder and
 * the catalog read, so the graph and catalog they would build are the stored ones, node numbers and edge order
 * included, and with them every chain a report prints. Types that exist only at the change's base join the universe
 * too, so the key holds the base's types that their files no longer declare. A file whose graph inputs differ only in
 * the words it writes is as good when no such word is a type's simple name; when one is, or its imports differ too,
 * the stored graph is patched with the file's references, edge order kept (see {@link ReferencePatch}). Anything else
 * is a full build; a missing, foreign or corrupt store only means a full build. Beside the graph it keeps the words
 * its files write and where each name is called ({@link WrittenWords}, {@link StoredCalls}), so that a run it serves
 * reads the facts of the files it meets, not of every file.
 *
 * <p>The store is written when nothing usable is stored or it is stale (see {@link #compare}): not after every
 * change, since writing costs more than building, and the store stays the base that the edits in the working tree
 * differ from. Its paths and content ids are compared where they lie in the file's bytes, and the graph is decoded
 * only when it is used: a run that builds anyway reads little of it.
 */
public final class GraphStore {

    private static final String MAGIC = "tia-graph";
    public static final int FORMAT_VERSION = 8;
    public static final String FILE_NAME = "graph-v" + FORMAT_VERSION + ".bin";
    /** Files changed since the stored graph beyond which it is written again (or a fiftieth of the files, if more). */
    public static final int REWRITE_AFTER = 64;

    private final Path file;
    private final String tiaVersion;
    private final int rewriteAfter;
    private final Optional<StoredFiles> stored;
    /** What an earlier run's check found, when it holds for this store (see {@link CheckedListing}). */
    private final Optional<CheckedListing> listing;
    private Optional<String> problem;
    /** How many of this run's files the check compared with the stored ones (see {@link #filesCompared()}). */
    private int filesCompared;

    private GraphStore(Path file, String tiaVersion, int rewriteAfter, Optional<StoredFiles> stored,
            Optional<CheckedListing> listing, Optional<String> problem) {
        this.file = file;
        this.tiaVersion = tiaVersion;
        this.rewriteAfter = rewriteAfter;
        this.stored = stored;
        this.listing = listing;
        this.problem = problem;
    }

    private GraphStore(Path file, String tiaVersion, int rewriteAfter, Optional<StoredFiles> stored, Optional<String> problem) {
        this(file, tiaVersion, rewriteAfter, stored, Optional.empty(), problem);
    }

    /** Nothing stored, nothing written. */
    public static GraphStore none() {
        return new GraphStore(null, "", REWRITE_AFTER, Optional.empty(), Optional.empty());
    }

    /** Loads what {@code dir} holds (see {@link #load(Path, String, int)}), to be written again after many changes. */
    public static GraphStore load(Path dir, String tiaVersion) {
        return load(dir, tiaVersion, REWRITE_AFTER);
    }

    /**
     * Reads what {@code dir} holds as far as the file list: the graph itself is decoded only if it is used. Anything
     * unreadable is reported once and treated as nothing stored.
     *
     * @param rewriteAfter how many files must differ from the stored ones (at least; a fiftieth of the files if more)
     *     before a run that builds the graph writes it again; 0: every such run writes it
     */
    public static GraphStore load(Path dir, String tiaVersion, int rewriteAfter) {
        Path file = dir.resolve(FILE_NAME);
        try {
            StoredFiles stored = StoredFiles.read(file, tiaVersion);
            Optional<CheckedListing> listing = CheckedListing.read(dir, tiaVersion).filter(l -> l.storeId().equals(stored.id()));
            return new GraphStore(file, tiaVersion, rewriteAfter, Optional.of(stored), listing, Optional.empty());
        } catch (NoSuchFileException | CacheFraming.ForeignException e) {
            return new GraphStore(file, tiaVersion, rewriteAfter, Optional.empty(), Optional.empty()); // another version: replaced
        } catch (CacheFraming.CorruptException e) {
            return new GraphStore(file, tiaVersion, rewriteAfter, Optional.empty(), Optional.of(corrupt(file, e)));
        } catch (IOException e) {
            return new GraphStore(file, tiaVersion, rewriteAfter, Optional.empty(),
                    Optional.of("the stored graph " + file + " cannot be read (" + e.getMessage() + "); building it again"));
        }
    }

    private static String corrupt(Path file, IOException e) {
        return "the stored graph " + file + " is corrupt (" + e.getMessage() + "); building it again";
    }

    /** Why the stored graph was discarded, if it was. */
    public Optional<String> problem() {
        return problem;
    }

    /**
     * What a graph is built from, apart from the Java files: worked out once per run, for the check and the save.
     *
     * @param workspace every field of every module, and the module dependencies
     * @param resources every field of every type-naming resource
     * @param baseTypes the types the change's base declares in files that do not declare them at head (see {@link #key})
     */
    public record Key(boolean implementations, String workspace, KeyResources resources, String baseTypes) {

        /**
         * The same but perhaps for the resources' names, which a patch can take in (see {@link ResourcePatch}), and the
         * types left at base, which files removed since the store add to (see {@link #compare}). Field by field: a
         * record's own equality costs milliseconds on its first use in a fresh JVM.
         */
        boolean sameWorkspace(Key other) {
            return implementations == other.implementations && workspace.equals(other.workspace);
        }
    }

    /** The key's text of {@code types} left at base: sorted, so that the same types give the same key. */
    private static String baseTypesText(List<TypeRef> types) {
        StringBuilder base = new StringBuilder();
        types.stream().map(t -> t.module() + '\0' + t.name()).sorted().forEach(t -> base.append(t).append('\n'));
        return base.toString();
    }

    /**
     * @param baseTypes the types (module and name) that files changed since the base declared there and do not declare
     *     at head: those no other file declares at head join the type universe. With the same files and the same
     *     declared types, the same such list means the same universe.
     */
    public static Key key(Workspace workspace, SourceIndex index, boolean implementations, List<TypeRef> baseTypes) {
        return new Key(implementations, modules(workspace), KeyResources.of(graphResources(index)), baseTypesText(baseTypes));
    }

    /**
     * A key's type-naming resources: one line each, {@link #resources} writes them. Of this run's resources, the text is
     * made only for a store written: a run compares them with a stored key's text where it lies, as building the text
     * of every resource's names took 7-17 ms of each run at 50k classes (5,700 resources, 0.9 MB of text).
     */
    public static final class KeyResources {
        /** This run's resources that name anything; null for a stored key's. */
        private final List<ResourceFacts> naming;
        private String text;

        private KeyResources(List<ResourceFacts> naming, String text) {
            this.naming = naming;
            this.text = text;
        }

        static KeyResources of(List<ResourceFacts> naming) {
            return new KeyResources(naming, null);
        }

        static KeyResources stored(String text) {
            return new KeyResources(null, text);
        }

        String text() {
            if (text == null) {
                text = resources(naming);
            }
            return text;
        }

        /** Whether both write the same text: this run's resources read along a stored key's text, none of it made. */
        boolean sameAs(KeyResources other) {
            if (naming != null && text == null && other.text != null) {
                return writtenAs(naming, other.text);
            }
            if (other.naming != null && other.text == null && text != null) {
                return writtenAs(other.naming, text);
            }
            return text().equals(other.text());
        }
    }

    /**
     * Whether {@link #resources} would write {@code text} for {@code naming}: each piece it appends matched where it
     * would lie, so the answer is that of comparing the texts.
     */
    private static boolean writtenAs(List<ResourceFacts> naming, String text) {
        int at = 0;
        for (ResourceFacts resource : naming) {
            at = matched(text, matched(text, matched(text, matched(text, at, resource.path()), '\0'), resource.module()), '\0');
            at = matched(text, matched(text, at, resource.test() ? '1' : '0'), '\0');
            boolean first = true;
            for (String name : resource.names()) {
                at = matched(text, first ? at : matched(text, at, '\1'), name);
                first = false;
            }
            at = matched(text, matched(text, matched(text, at, '\0'), resource.serviceInterface().orElse("\1")), '\n');
            if (at < 0) {
                return false;
            }
        }
        return at == text.length();
    }

    /** Where {@code text} goes on after {@code piece} at {@code at}; -1 when it is not there (or {@code at} is -1). */
    private static int matched(String text, int at, String piece) {
        return at >= 0 && text.regionMatches(at, piece, 0, piece.length()) ? at + piece.length() : -1;
    }

    private static int matched(String text, int at, char piece) {
        return at >= 0 && at < text.length() && text.charAt(at) == piece ? at + 1 : -1;
    }

    /** Written out rather than taken from the records' {@code toString}, whose first calls cost 10 ms in a fresh JVM. */
    private static String modules(Workspace workspace) {
        StringBuilder text = new StringBuilder();
        for (MavenModule module : workspace.modules().values()) {
            text.append(module.path()).append('\0').append(module.pomPath()).append('\0').append(module.coordinates().groupId())
                    .append('\0').append(module.coordinates().artifactId()).append('\0').append(module.packaging())
                    .append('\0').append(module.parentPath().orElse("\1"));
            for (List<String> roots : List.of(module.mainSources(), module.testSources(), module.mainResources(), module.testResources())) {
                text.append('\0').append(String.join("\1", roots));
            }
            text.append('\n');
        }
        workspace.dependencies().forEach((module, dependency) -> text.append(module).append('\0').append(dependency).append('\n'));
        return text.toString();
    }

    /**
     * The resources the graph reads: those naming anything (a services file naming nothing gives no edge). What they
     * write as calls is left out: the member-level walk reads that from this run's resources, never from the store.
     */
    private static List<ResourceFacts> graphResources(SourceIndex index) {
        List<ResourceFacts> naming = new ArrayList<>();
        for (ResourceFacts resource : index.resources()) {
            if (!resource.names().isEmpty()) {
                naming.add(resource);
            }
        }
        return naming;
    }

    /** One line per resource: its path, module, root, names and service interface; read back by {@link #resourcesOf}. */
    private static String resources(List<ResourceFacts> naming) {
        StringBuilder text = new StringBuilder();
        for (ResourceFacts resource : naming) {
            text.append(resource.path()).append('\0').append(resource.module()).append('\0').append(resource.test() ? '1' : '0')
                    .append('\0').append(String.join("\1", resource.names())).append('\0')
                    .append(resource.serviceInterface().orElse("\1")).append('\n');
        }
        return text.toString();
    }

    /** The resources a key's text lists (see {@link #resources}); empty when a line is not one {@code resources} writes. */
    private static Optional<List<ResourceFacts>> resourcesOf(String text) {
        List<ResourceFacts> resources = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                return Optional.empty();
            }
            String[] fields = text.substring(start, end).split("\0", -1);
            if (fields.length != 5 || fields[3].isEmpty() || !(fields[2].equals("0") || fields[2].equals("1"))) {
                return Optional.empty();
            }
            resources.add(new ResourceFacts(fields[0], fields[1], fields[2].equals("1"),
                    ImmutableSet.copyOf(fields[3].split("\1", -1)),
                    fields[4].equals("\1") ? Optional.empty() : Optional.of(fields[4]), ImmutableSet.of()));
            start = end + 1;
        }
        return Optional.of(resources);
    }

    /**
     * Resources whose names differ from the stored ones: {@code before} as the store's key lists them, {@code now} this
     * run's, and whether an edited one is committed (the store is then stale: see {@link #compare}).
     */
    record ResourcesEdited(List<ResourceFacts> before, List<ResourceFacts> now, boolean committed) {
    }

    /**
     * What to do with the store in this run.
     *
     * @param stored the stored graph and catalog, when they are what a build from the index would make (once patched,
     *     see {@link Stored#graph})
     * @param rewrite whether to store this run's graph
     */
    public record Verdict(Optional<Stored> stored, boolean rewrite) {
        static final Verdict BUILD = new Verdict(Optional.empty(), false);
        static final Verdict BUILD_AND_STORE = new Verdict(Optional.empty(), true);
    }

    /**
     * A changed file whose words or imports may now resolve to other types than its stored content's did, everything
     * else of its graph inputs as stored but perhaps the methods the catalog reads: its references are resolved again, and the stored graph patched with the
     * difference (see {@link ReferencePatch}).
     *
     * @param number the file's place in this run's index (see {@link #lineUp})
     * @param before the facts of the stored content; for a new file, those of an empty file (see {@link #compareNew})
     * @param importsChanged whether its imports, the methods the catalog reads or its types' headers (annotations,
     *     supertypes) may differ too, which may change what its supertypes and annotations are, and its types' entries in
     *     the catalog
     * @param addedTypes types it declares beside those of its stored content, which join the type universe
     * @param removedTypes types of its stored content it no longer declares, which stay in the type universe as types
     *     left at the change's base (see {@link RemovedFile})
     */
    record WordsChanged(IndexedFile file, int number, FileFacts before, boolean importsChanged, List<DeclaredType> addedTypes,
            List<DeclaredType> removedTypes) {

        WordsChanged(IndexedFile file, int number, FileFacts before, boolean importsChanged) {
            this(file, number, before, importsChanged, List.of(), List.of());
        }

        /** Whether it declares other types than its stored content. */
        boolean reshaped() {
            return !addedTypes.isEmpty() || !removedTypes.isEmpty();
        }
    }

    /**
     * A stored file this run no longer has (deleted, or renamed: the new path is then a new file), whose types are left
     * at the change's base: they stay in the type universe, so no other file resolves differently, and the stored graph
     * is patched by taking out what the file's own types brought (see {@link ReferencePatch}).
     *
     * @param before the facts of its stored content
     */
    record RemovedFile(String path, String module, boolean test, FileFacts before) {
    }

    /**
     * The files whose content differs from the stored one and the new ones, by this run's numbers, with their stored
     * content's facts (an empty file's for a new one): what a patch and a walk over the stored calls lay over the store
     * (see {@link ReferencePatch}, {@link CallSites}).
     */
    record ChangedFiles(List<Integer> numbers, List<FileFacts> before) {
    }

    /**
     * Compares this run's files with the stored ones, path by path (both in the index's order), and decodes the
     * stored graph when it is the one to use.
     *
     * @param storedFacts the facts of a content id, when the facts index still holds them
     * @param committed whether a path's content is the one committed (the working tree's clean files; every file of
     *     a commit): a file whose committed content differs from the stored one makes the store stale
     * @param indexedId the blob id git's index holds for a path (see {@link dev.tia.engine.git.SourceTree#indexedId}):
     *     a run that builds the graph stores it when a changed file's stored content is none of git's (see {@link #compare})
     * @param visibleFrom which modules a module sees, for resolving the names of files the stored graph is patched for
     */
    public Verdict check(Key key, SourceIndex index, Function<String, Optional<FileFacts>> storedFacts,
            Predicate<String> committed, Function<String, Optional<String>> indexedId, Function<String, Set<String>> visibleFrom) {
        return check(key, index, Optional.empty(), storedFacts, committed, indexedId, visibleFrom);
    }

    /**
     * As {@link #check(Key, SourceIndex, Function, Predicate, Function, Function)}, for files that follow from {@code
     * basis} (see {@link IndexBasis}): when an earlier run's check of this store found its files listed from the same
     * git index, and this run names no path that one did not, only the named paths and the files this run parsed are
     * compared (see {@link CheckedListing}); a run that compares every file and finds them the stored ones writes what
     * it found, for the next runs.
     */
    public Verdict check(Key key, SourceIndex index, Optional<IndexBasis> basis, Function<String, Optional<FileFacts>> storedFacts,
            Predicate<String> committed, Function<String, Optional<String>> indexedId, Function<String, Set<String>> visibleFrom) {
        if (file == null) {
            return Verdict.BUILD;
        }
        if (stored.isEmpty() || !stored.get().key().sameWorkspace(key)) {
            return Verdict.BUILD_AND_STORE;
        }
        Optional<ResourcesEdited> resources = Optional.empty();
        if (!key.resources().sameAs(stored.get().key().resources())) {
            Optional<List<ResourceFacts>> before = resourcesOf(stored.get().key().resources().text());
            if (before.isEmpty()) {
                return Verdict.BUILD_AND_STORE;
            }
            List<ResourceFacts> now = graphResources(index);
            Map<String, List<String>> namesBefore = new HashMap<>();
            before.get().forEach(resource -> namesBefore.put(resource.path(), resource.names().asList()));
            boolean committedEdit = false;
            for (ResourceFacts resource : now) {
                if (!resource.names().asList().equals(namesBefore.get(resource.path()))) {
                    committedEdit |= committed.test(resource.path());
                }
            }
            resources = Optional.of(new ResourcesEdited(before.get(), now, committedEdit));
        }
        try {
            StoredFiles files = stored.get();
            Optional<CheckedListing> holding = basis.flatMap(b -> listing.filter(l -> l.holdsFor(files.id(), b)));
            Optional<List<Integer>> otherContent = holding.flatMap(l -> namedPathsOtherContent(files, index, l));
            boolean listed = otherContent.isPresent();
            if (!listed) {
                otherContent = samePathsOtherContent(files, index);
            }
            Verdict verdict = compare(files, key, index, otherContent, resources, storedFacts, committed, indexedId, visibleFrom);
            if (!listed && otherContent.isPresent() && basis.isPresent() && !verdict.rewrite()) {
                noteListing(files, index, basis.get(), otherContent.get());
            }
            return verdict;
        } catch (IndexOutOfBoundsException | IllegalStateException e) { // numbers read where they lie (see StoredNodes)
            problem = Optional.of(corrupt(file, new CacheFraming.CorruptException("a number out of range")));
            return Verdict.BUILD_AND_STORE;
        }
    }

    /**
     * How many of this run's files the last {@link #check} compared with the stored ones: every file, or the paths a
     * listing named (see {@link CheckedListing}); 0 when it compared none.
     */
    public int filesCompared() {
        return filesCompared;
    }

    /**
     * Writes what this run's check found (see {@link CheckedListing}) when it holds for the next runs: every file whose
     * content differs from the stored one is a path git's status named, and every file could be read (an unreadable
     * file's id is no content's). Not when the same is written already.
     */
    private void noteListing(StoredFiles files, SourceIndex index, IndexBasis basis, List<Integer> otherContent) {
        for (int number : otherContent) {
            if (!basis.namedPaths().contains(index.files().get(number).path())) {
                return;
            }
        }
        if (!index.allRead()) {
            return;
        }
        ImmutableSortedMap.Builder<String, Boolean> named = ImmutableSortedMap.naturalOrder();
        for (String path : basis.namedPaths()) {
            named.put(path, index.number(path) >= 0);
        }
        CheckedListing found = new CheckedListing(files.id(), basis.indexChecksum(), named.buildOrThrow());
        if (listing.filter(found::sameAs).isEmpty()) {
            found.write(file.getParent(), tiaVersion).ifPresent(p -> problem = Optional.of(p));
        }
    }

    /**
     * The files whose content differs from the stored one, by this run's numbers, when {@code listing} holds (see
     * {@link CheckedListing}): then this run's files are the listing run's but for the paths it named, and those were
     * the stored ones, so the files are the stored ones, in their order, when each named path is among this run's
     * files exactly when it was among that run's. Only the named paths' contents, and those of the files this run
     * parsed, can differ from the stored ones. Empty when the lists differ: the check then compares every file.
     */
    private Optional<List<Integer>> namedPathsOtherContent(StoredFiles stored, SourceIndex index, CheckedListing listing) {
        List<IndexedFile> files = index.files();
        if (files.size() != stored.count()) {
            return Optional.empty();
        }
        TreeSet<Integer> compared = new TreeSet<>();
        for (Map.Entry<String, Boolean> named : listing.namedPaths().entrySet()) {
            int number = index.number(named.getKey());
            if ((number >= 0) != named.getValue()) {
                return Optional.empty();
            }
            if (number >= 0) {
                compared.add(number);
            }
        }
        for (int number : index.parsedNumbers()) {
            compared.add(number);
        }
        List<Integer> otherContent = new ArrayList<>();
        for (int number : compared) {
            if (!stored.contentIdIs(number, files.get(number).contentId())) {
                otherContent.add(number);
            }
        }
        filesCompared = compared.size();
        return Optional.of(otherContent);
    }

    /**
     * Decides as {@link #check} says. A run that builds the graph stores it when the store is stale, not when it only
     * misses this run's uncommitted edits: when a file's committed content differs from the stored one (the store
     * holds an edit since committed or reverted), a stored file is gone, the facts of a stored content are gone, or
     * many files differ. Otherwise the store stays the base of the edits still in the working tree, and storing a
     * graph after each of them (160 ms at 50k classes) would cost more than it saves. That holds while the store's
     * content of each changed file is git's: a store written while a file held an uncommitted edit (a stale store is
     * written with the working tree as it is) is no committed base for that file, and each later edit of it that the
     * store cannot serve would build the graph on every run until the file is committed or reverted. A run that
     * builds then stores, so that the next runs with the same edit are served.
     */
    private Verdict compare(StoredFiles stored, Key key, SourceIndex index, Optional<List<Integer>> samePathsOtherContent,
            Optional<ResourcesEdited> resources, Function<String, Optional<FileFacts>> storedFacts, Predicate<String> committed,
            Function<String, Optional<String>> indexedId, Function<String, Set<String>> visibleFrom) {
        int rewriteAfter = Math.max(this.rewriteAfter, index.files().size() / 50);
        Optional<Lineup> lineup = samePathsOtherContent
                .map(otherContent -> new Lineup(null, otherContent, otherContent, List.of(), List.of(), List.of()))
                .or(() -> lineUp(stored, index, rewriteAfter));
        List<RemovedFile> removed = new ArrayList<>();
        if (lineup.isPresent()) {
            for (int k = 0; k < lineup.get().removed().size(); k++) {
                int number = lineup.get().removed().get(k);
                Optional<FileFacts> before = storedFacts.apply(stored.contentId(number));
                if (before.isEmpty()) {
                    return Verdict.BUILD_AND_STORE; // what the stored file declared is unknown
                }
                removed.add(new RemovedFile(lineup.get().removedPaths().get(k), stored.module(number), stored.test(number),
                        before.get()));
            }
        }
        // Files removed since the store leave their types at the base: the key then holds them beside the stored ones,
        // and with them the type universe is the stored one. So do types removed from files that stay, which only the
        // comparison of those files below finds. Any other difference in those types is a build, and so is a removed
        // type the key lacks (declared by no base, added since and removed: it leaves the universe, which the patch
        // would keep it in).
        boolean baseAsStored = removed.isEmpty() ? stored.key().baseTypes().equals(key.baseTypes())
                : baseTypesWith(stored.key(), removed, List.of()).equals(lines(key.baseTypes()));
        if (!baseAsStored && lineup.isEmpty()) {
            return Verdict.BUILD_AND_STORE;
        }
        if (lineup.isPresent()) {
            List<IndexedFile> files = index.files();
            Inputs inputs = Inputs.SAME;
            boolean stale = false;
            boolean storedEditGone = false; // a changed file's stored content is not the one git's index holds
            Set<String> otherWords = new HashSet<>();
            List<WordsChanged> namesChanged = new ArrayList<>();
            List<Integer> changedNumbers = new ArrayList<>();
            List<FileFacts> storedContent = new ArrayList<>();
            List<Integer> otherContent = lineup.get().otherContent();
            for (int k = 0; k < otherContent.size(); k++) {
                int i = otherContent.get(k);
                String storedId = stored.contentId(lineup.get().otherContentStored().get(k));
                // Asked for every file, so that the facts index keeps what the stored graph needs (see compareInputs).
                Optional<FileFacts> before = storedFacts.apply(storedId);
                stale |= committed.test(files.get(i).path());
                storedEditGone |= !indexedId.apply(files.get(i).path()).filter(storedId::equals).isPresent();
                changedNumbers.add(i);
                before.ifPresent(storedContent::add);
                if (before.isEmpty()) {
                    inputs = Inputs.UNKNOWN;
                } else if (inputs == Inputs.SAME) {
                    inputs = compareNames(before.get(), files.get(i), i, otherWords, namesChanged);
                }
            }
            for (int i : lineup.get().added()) {
                stale |= committed.test(files.get(i).path());
                changedNumbers.add(i);
                storedContent.add(FileFacts.empty(files.get(i).facts().packageName()));
                if (inputs == Inputs.SAME) {
                    inputs = compareNew(files.get(i), i, otherWords, namesChanged);
                }
            }
            // A file removed leaves the store as the base (an uncommitted deletion, a rename), as an edit does.
            boolean rewrite = stale || changedNumbers.size() + removed.size() >= rewriteAfter;
            boolean rewriteIfBuilt = rewrite || storedEditGone;
            if (inputs != Inputs.SAME) {
                return baseAsStored ? new Verdict(Optional.empty(), rewriteIfBuilt || inputs == Inputs.UNKNOWN)
                        : Verdict.BUILD_AND_STORE;
            }
            // With the types the changed files no longer declare, the key's types left at base must be the run's.
            if ((!baseAsStored || namesChanged.stream().anyMatch(file -> !file.removedTypes().isEmpty()))
                    && !baseTypesWith(stored.key(), removed, namesChanged).equals(lines(key.baseTypes()))) {
                return baseAsStored ? new Verdict(Optional.empty(), rewriteIfBuilt) : Verdict.BUILD_AND_STORE;
            }
            return storedOrPatched(stored, index, key, lineup.get(), new ChangedFiles(changedNumbers, storedContent), otherWords,
                    namesChanged, removed, resources, visibleFrom, stale, rewriteIfBuilt);
        }
        // Files were added, removed or moved: count the differences path by path, for the decision to write.
        Comparison comparison = new Comparison(stored, storedFacts, committed);
        for (IndexedFile file : index.files()) {
            comparison.next(file);
            if (comparison.inputs != Inputs.SAME && comparison.differences >= rewriteAfter) {
                return Verdict.BUILD_AND_STORE;
            }
        }
        comparison.finish();
        return new Verdict(Optional.empty(),
                comparison.stale || comparison.inputs == Inputs.UNKNOWN || comparison.differences >= rewriteAfter);
    }

    /**
     * Whether a type of the type universe has one of {@code words} as its simple name. With the stored files and their
     * declared types, and the same key, the universe is the stored graph's: each declared type is one of its nodes, and
     * the types left at base that no file declares are in the key. Asked only when changed files write other words
     * than before, mostly one or two: matched where the names lie (a set of every simple name took 20 ms at 50k).
     */
    private static boolean anyTypeNamed(Set<String> words, Stored graph, Key key) {
        if (graph.nodes.typesNamed(words).length > 0) {
            return true;
        }
        String[] sought = words.toArray(String[]::new);
        for (TypeRef type : baseTypes(key)) {
            if (hasSimpleName(type.name(), sought)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the canonical {@code name} is {@code word}, or ends in {@code .word}, for one of {@code words}. */
    private static boolean hasSimpleName(String name, String[] words) {
        int start = name.lastIndexOf('.') + 1;
        int length = name.length() - start;
        for (String word : words) {
            if (word.length() == length && name.regionMatches(start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** The stored key's types left at base with those the removed files declare and the changed files no longer do. */
    private static Set<String> baseTypesWith(Key stored, List<RemovedFile> removed, List<WordsChanged> changed) {
        List<TypeRef> types = baseTypes(stored);
        for (RemovedFile file : removed) {
            for (DeclaredType type : file.before().types()) {
                types.add(new TypeRef(file.module(), type.name()));
            }
        }
        for (WordsChanged file : changed) {
            for (DeclaredType type : file.removedTypes()) {
                types.add(new TypeRef(file.file().module(), type.name()));
            }
        }
        return lines(baseTypesText(types));
    }

    /**
     * The lines of a key's text of types left at base: compared as sets, as the universe takes each type once (a type
     * a removed file declared may also be left at base by the file it was renamed from).
     */
    private static Set<String> lines(String baseTypes) {
        Set<String> lines = new HashSet<>();
        for (String line : baseTypes.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The key's types left at base, as {@link #key} wrote them. */
    private static List<TypeRef> baseTypes(Key key) {
        List<TypeRef> types = new ArrayList<>();
        for (String line : key.baseTypes().split("\n")) {
            int separator = line.indexOf('\0');
            if (separator >= 0) {
                types.add(new TypeRef(line.substring(0, separator), line.substring(separator + 1)));
            }
        }
        return types;
    }

    /**
     * Compares a changed file's graph inputs with its stored content's: the same, or the same but for the words it writes
     * (which go to {@code words}) and perhaps its imports (the file then goes to {@code namesChanged}), or other.
     */
    private static Inputs compareNames(FileFacts before, IndexedFile file, int number, Set<String> words,
            List<WordsChanged> namesChanged) {
        FileFacts now = file.facts();
        if (before.sameGraphInputs(now)) {
            return Inputs.SAME;
        }
        Optional<Set<String>> wordsOnly = before.wordsOnlyDifference(now);
        if (wordsOnly.isPresent()) {
            if (!wordsOnly.get().isEmpty()) {
                words.addAll(wordsOnly.get());
                namesChanged.add(new WordsChanged(file, number, before, false));
            }
            return Inputs.SAME;
        }
        if (before.sameBesideNamesAndTypeHeaders(now)) {
            words.addAll(before.wordsDifferingFrom(now));
            namesChanged.add(new WordsChanged(file, number, before, true));
            return Inputs.SAME;
        }
        Optional<FileFacts.TypesReshaped> reshaped = now.typesReshapedFrom(before);
        if (reshaped.isPresent()) {
            words.addAll(before.wordsDifferingFrom(now));
            namesChanged.add(new WordsChanged(file, number, before, true, reshaped.get().added(), reshaped.get().removed()));
            return Inputs.SAME;
        }
        return Inputs.OTHER;
    }

    /**
     * A file the store lacks (see {@link #lineUp}): patched in as a file whose stored content declared,
     * imported and wrote nothing, all it declares added, when it parses, declares a type, and writes no string literal
     * or annotation class literal a type could be named by (as for types added to a file: see
     * {@link FileFacts#typesReshapedFrom}); in test sources, when its test classes' catalog entries can be made from it and
     * the unchanged files above it (see {@link ReferencePatch}).
     */
    private static Inputs compareNew(IndexedFile file, int number, Set<String> words, List<WordsChanged> namesChanged) {
        FileFacts now = file.facts();
        if (!now.parsed() || now.types().isEmpty()) {
            return Inputs.OTHER;
        }
        FileFacts before = FileFacts.empty(now.packageName());
        Optional<FileFacts.TypesReshaped> reshaped = now.typesReshapedFrom(before);
        if (reshaped.isEmpty()) {
            return Inputs.OTHER;
        }
        words.addAll(before.wordsDifferingFrom(now));
        namesChanged.add(new WordsChanged(file, number, before, true, reshaped.get().added(), List.of()));
        return Inputs.SAME;
    }

    /**
     * The verdict when every changed file's graph inputs are as stored but for the names it writes: the stored graph
     * as it is when none of them can resolve to other types, patched when some can (see {@link ReferencePatch}), and
     * a build when the catalog may differ or the patch declines.
     *
     * @param changed the files whose content differs from the stored one
     * @param words the words written or no longer written by the files of {@code namesChanged}
     * @param stale whether a committed file differs from the store: a patched graph is then stored, as the next runs
     *     would patch it again
     * @param rewriteIfBuilt whether a build stores its graph (see {@link #compare})
     */
    private Verdict storedOrPatched(StoredFiles stored, SourceIndex index, Key key, Lineup lineup, ChangedFiles changed,
            Set<String> words, List<WordsChanged> namesChanged, List<RemovedFile> removed, Optional<ResourcesEdited> resources,
            Function<String, Set<String>> visibleFrom, boolean stale, boolean rewriteIfBuilt) {
        try {
            Stored graph = stored.graph(index.files(), lineup, changed);
            if (anyCatalogWord(words)) {
                return new Verdict(Optional.empty(), rewriteIfBuilt);
            }
            boolean resolveAnew = false;
            for (WordsChanged file : namesChanged) {
                resolveAnew |= file.importsChanged() || file.reshaped();
            }
            boolean referencesPatched = resolveAnew || !removed.isEmpty() || !words.isEmpty() && anyTypeNamed(words, graph, key);
            if (!referencesPatched && resources.isEmpty()) {
                return new Verdict(Optional.of(graph), false);
            }
            if (!graph.patchable) {
                return new Verdict(Optional.empty(), rewriteIfBuilt);
            }
            Optional<Stored> patched = graph.patched(referencesPatched ? namesChanged : List.of(), removed, resources, index,
                    baseTypes(key), visibleFrom);
            return patched.isPresent() ? new Verdict(patched, stale || resources.filter(ResourcesEdited::committed).isPresent())
                    : new Verdict(Optional.empty(), rewriteIfBuilt);
        } catch (CacheFraming.CorruptException e) {
            problem = Optional.of(corrupt(file, e));
            return Verdict.BUILD_AND_STORE;
        }
    }

    /** Whether the test catalog reads any of {@code words} (see {@link TestCatalog#readsWord}). */
    private static boolean anyCatalogWord(Set<String> words) {
        for (String word : words) {
            if (TestCatalog.readsWord(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * When this run has the stored files, in the same modules and roots, in the same order (the usual case): the
     * positions of those whose content differs. Compared on both cores, each file in a call of its own: a fresh JVM
     * compiles a method called a few hundred times, while a loop over 67k files runs mostly interpreted.
     */
    private Optional<List<Integer>> samePathsOtherContent(StoredFiles stored, SourceIndex index) {
        List<IndexedFile> files = index.files();
        filesCompared = files.size();
        if (files.size() != stored.count()) {
            return Optional.empty();
        }
        byte[] verdicts = new byte[files.size()];
        IntStream.range(0, files.size()).parallel()
                .forEach(i -> verdicts[i] = stored.compare(i, files.get(i), i == 0 ? "" : files.get(i - 1).path()));
        List<Integer> otherContent = new ArrayList<>();
        for (int i = 0; i < verdicts.length; i++) {
            if (verdicts[i] == StoredFiles.OTHER_FILE) {
                return Optional.empty();
            }
            if (verdicts[i] == StoredFiles.OTHER_CONTENT) {
                otherContent.add(i);
            }
        }
        return Optional.of(otherContent);
    }

    /**
     * How this run's files line up with the stored ones when each stored file is still there, in its module and root.
     *
     * @param current by stored number, the file's number in this run's index; null when they are the same numbers
     * @param otherContent this run's numbers of the files whose content differs from the stored one
     * @param otherContentStored the stored numbers of the same files, in the same order
     * @param added this run's numbers of the files the store lacks
     * @param removed the stored numbers of the files this run lacks
     * @param removedPaths their paths, in the same order
     */
    private record Lineup(int[] current, List<Integer> otherContent, List<Integer> otherContentStored, List<Integer> added,
            List<Integer> removed, List<String> removedPaths) {
        /** This run's number of stored file {@code stored}, or -1 for a file removed since. */
        int current(int stored) {
            return current == null ? stored : current[stored];
        }

        /** The path of stored file {@code stored}, which this run lacks, or null when it has it. */
        String removedPath(int stored) {
            int at = removed.indexOf(stored);
            return at < 0 ? null : removedPaths.get(at);
        }

        /** Whether the numbers differ: files were added ahead of stored ones. */
        boolean renumbered() {
            return current != null;
        }
    }

    /**
     * When this run's files are the stored ones but for at most {@code limit} added and removed (files added since,
     * which the stored graph can take in: see {@link #compareNew}; files deleted or renamed since, see
     * {@link RemovedFile}): how the two line up. Empty when a file is in another module or root than stored. The
     * stored files are found in this run's list as a merge of two lists in path order; each stored path is compared
     * where it lies, as {@link #samePathsOtherContent} does, and read whole only where the two lists differ.
     */
    private static Optional<Lineup> lineUp(StoredFiles stored, SourceIndex index, int limit) {
        List<IndexedFile> files = index.files();
        int[] current = new int[stored.count()];
        List<Integer> otherContent = new ArrayList<>();
        List<Integer> otherContentStored = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        List<String> removedPaths = new ArrayList<>();
        int next = 0;
        String previousStored = "";
        int i = 0;
        while (i < files.size() || next < stored.count()) {
            if (added.size() + removed.size() > limit) {
                return Optional.empty();
            }
            if (i == files.size()) { // stored files past this run's last
                previousStored = stored.pathAfter(next, previousStored);
                removedPaths.add(previousStored);
                removed.add(next);
                current[next++] = -1;
                continue;
            }
            IndexedFile file = files.get(i);
            byte verdict = next < stored.count() ? stored.compare(next, file, previousStored) : StoredFiles.OTHER_FILE;
            if (verdict == StoredFiles.OTHER_FILE) {
                String storedPath = next < stored.count() ? stored.pathAfter(next, previousStored) : null;
                int order = storedPath == null ? 1 : storedPath.compareTo(file.path());
                if (order == 0) {
                    return Optional.empty(); // the same path in another module or root
                }
                if (order < 0) { // the stored file comes first: this run lacks it
                    previousStored = storedPath;
                    removedPaths.add(storedPath);
                    removed.add(next);
                    current[next++] = -1;
                } else {
                    added.add(i++);
                }
                continue;
            }
            if (verdict == StoredFiles.OTHER_CONTENT) {
                otherContent.add(i);
                otherContentStored.add(next);
            }
            current[next++] = i++;
            previousStored = file.path();
        }
        return Optional.of(new Lineup(current, otherContent, otherContentStored, added, removed, removedPaths));
    }

    /**
     * This run's files against the stored ones, one file at a time, as a merge of two lists in path order: how many
     * differ. A method per file, not one loop, for the reason {@link #samePathsOtherContent} gives.
     */
    private static final class Comparison {
        private final StoredFiles files;
        private final Function<String, Optional<FileFacts>> storedFacts;
        private final Predicate<String> committed;
        /** The next stored file to compare. */
        private int next;
        private int differences;
        private Inputs inputs = Inputs.SAME;
        /** Whether the store holds what is no longer committed (see {@link #compare}). */
        private boolean stale;

        Comparison(StoredFiles files, Function<String, Optional<FileFacts>> storedFacts, Predicate<String> committed) {
            this.files = files;
            this.storedFacts = storedFacts;
            this.committed = committed;
        }

        void next(IndexedFile file) {
            if (next < files.count() && files.path(next).equals(file.path())) {
                if (!file.module().equals(files.module(next)) || file.test() != files.test(next)) {
                    differ();
                    stale = true;
                } else if (!files.contentIdIs(next, file.contentId())) {
                    differences++;
                    inputs = inputs.and(compareInputs(storedFacts.apply(files.contentId(next)), file.facts(), inputs));
                    stale |= committed.test(file.path());
                }
                next++;
                return;
            }
            while (next < files.count() && files.path(next).compareTo(file.path()) < 0) { // removed since
                differ();
                stale = true;
                next++;
            }
            if (next < files.count() && files.path(next).equals(file.path())) {
                next(file);
            } else {
                differ(); // added since
                stale |= committed.test(file.path());
            }
        }

        void finish() {
            while (next < files.count()) {
                differ();
                stale = true;
                next++;
            }
        }

        private void differ() {
            differences++;
            inputs = inputs.and(Inputs.OTHER);
        }
    }

    /**
     * How this run's graph inputs compare with the stored graph's: the same, other, or unknown because the facts of a
     * stored file's content are gone from the facts index. Unknown makes the store useless until written again.
     */
    private enum Inputs {
        SAME, OTHER, UNKNOWN;

        Inputs and(Inputs other) {
            return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : this == SAME ? other : this;
        }
    }

    /**
     * Compares a file's stored content with its content now, by their graph inputs (when the files before were the
     * same). The caller asks the facts index for the stored content's facts in any case: that keeps them in the index
     * while the stored graph needs them.
     */
    private static Inputs compareInputs(Optional<FileFacts> before, FileFacts now, Inputs sofar) {
        if (before.isEmpty()) {
            return Inputs.UNKNOWN;
        }
        if (sofar != Inputs.SAME) {
            return Inputs.OTHER;
        }
        return before.get().sameGraphInputs(now) ? Inputs.SAME : Inputs.OTHER;
    }

    /** A graph and catalog as stored, decoded; perhaps patched (see {@link ReferencePatch}). */
    public static final class Stored {
        private final boolean implementations;
        private final StoredNodes nodes;
        private final StoredEdges edges;
        private final BitSet supertypesLeftOut;
        private final ImmutableMap<TypeRef, TestClass> tests;
        private final TypeHierarchy hierarchy;
        /** By node: the number of the one stored file that declares the type, plus one; 0 for other nodes. */
        private final int[] declaringFile;
        /** Whether no type is declared twice, so that each reference edge's file is its type's (see {@link ReferencePatch}). */
        private final boolean patchable;
        /** The words the stored files write (see {@link ReferencePatch}). */
        private final WrittenWords writtenWords;
        /** Where the stored files call each name; not available once types are added. */
        private final StoredCalls calls;
        private final ChangedFiles changed;
        /** The edges once patched, or null as stored. */
        private final Adjacency patched;
        private final int patchedFiles;
        private final int patchedResources;

        Stored(boolean implementations, StoredNodes nodes, StoredEdges edges, BitSet supertypesLeftOut,
                ImmutableMap<TypeRef, TestClass> tests, TypeHierarchy hierarchy, int[] declaringFile,
                boolean patchable, WrittenWords writtenWords, StoredCalls calls, ChangedFiles changed, Adjacency patched,
                int patchedFiles, int patchedResources) {
            this.implementations = implementations;
            this.nodes = nodes;
            this.edges = edges;
            this.supertypesLeftOut = supertypesLeftOut;
            this.tests = tests;
            this.hierarchy = hierarchy;
            this.declaringFile = declaringFile;
            this.patchable = patchable;
            this.writtenWords = writtenWords;
            this.calls = calls;
            this.changed = changed;
            this.patched = patched;
            this.patchedFiles = patchedFiles;
            this.patchedResources = patchedResources;
        }

        /**
         * This graph with the references of {@code files} resolved again, or empty when more than their references may
         * differ (see {@link ReferencePatch#apply}).
         *
         * @param typesLeftAtBase the key's: with the stored graph's types, the type universe
         */
        Optional<Stored> patched(List<WordsChanged> files, List<RemovedFile> removed, Optional<ResourcesEdited> resources,
                SourceIndex index, List<TypeRef> typesLeftAtBase, Function<String, Set<String>> visibleFrom)
                throws CacheFraming.CorruptException {
            Adjacency graph = Adjacency.of(nodes, edges, supertypesLeftOut);
            ImmutableMap<TypeRef, TestClass> patchedTests = tests;
            TypeHierarchy patchedHierarchy = hierarchy;
            int[] patchedDeclaringFile = declaringFile;
            List<TypeRef> added = List.of();
            Set<TypeRef> removedTypes = Set.of();
            Optional<ResourcesEdited> resourcesToPatch = resources;
            if (!files.isEmpty() || !removed.isEmpty()) {
                ReferencePatch patch = new ReferencePatch(graph, nodes, typesLeftAtBase, declaringFile, visibleFrom, hierarchy, tests,
                        implementations, writtenWords);
                if (removed.isEmpty()) {
                    patch.resourcesPatchedAfter();
                }
                if (!patch.apply(files, removed, index, changed.numbers())) {
                    return Optional.empty();
                }
                patchedTests = patch.tests();
                patchedHierarchy = patch.hierarchy();
                patchedDeclaringFile = patch.declaringFile();
                added = patch.addedTypes();
                removedTypes = patch.removedTypes();
                if (patch.addedNamedByResources() && resources.isEmpty()) {
                    // Resources as stored, one of them naming a type added: its edges are the resources' patch's to add.
                    List<ResourceFacts> now = graphResources(index);
                    resourcesToPatch = Optional.of(new ResourcesEdited(now, now, false));
                }
            }
            int resourcesPatched = 0;
            if (resourcesToPatch.isPresent()) {
                ResourcePatch patch = new ResourcePatch(graph, nodes, typesLeftAtBase, patchedDeclaringFile,
                        number -> index.files().get(number).test(), visibleFrom, patchedHierarchy, implementations);
                if (!patch.apply(resourcesToPatch.get().before(), resourcesToPatch.get().now(), added, removedTypes)) {
                    return Optional.empty();
                }
                patchedHierarchy = TypeHierarchy.withNamedInResources(patchedHierarchy, patch.namedInResources());
                resourcesPatched = patch.edited();
            }
            // Types removed are no file's, yet the stored calls may list them as callers: the calls are not used then. Types
            // added are a changed file's, whose calls the walk reads as they are now (see CallSites#changedTypes), as
            // it does for every type of a changed file: the stored calls still hold for every other type.
            boolean typesRemoved = !removedTypes.isEmpty();
            return Optional.of(new Stored(implementations, nodes, edges, supertypesLeftOut, patchedTests, patchedHierarchy,
                    patchedDeclaringFile, patchable, writtenWords, typesRemoved ? StoredCalls.NONE : calls, changed, graph,
                    files.size() + removed.size(), resourcesPatched));
        }

        /** How many resources' names the graph is patched for (see {@link ResourcePatch}). */
        public int patchedResources() {
            return patchedResources;
        }

        /** How many files' references the graph is patched for: 0 when it is used as stored. */
        public int patchedFiles() {
            return patchedFiles;
        }

        /**
         * The graph; its member-level walk reads the stored calls with those of the changed files laid over them, or
         * the calls of every file of {@code index} when the calls were not stored.
         */
        public DependencyGraph graph(SourceIndex index) {
            Adjacency graph = patched != null ? patched : Adjacency.of(nodes, edges, supertypesLeftOut);
            Supplier<Optional<CallSites>> sites = () -> calls.available()
                    ? CallSites.of(calls, graph, declaringFile, index.files(), changed.numbers(), changed.before())
                    : Optional.empty();
            return new DependencyGraph(graph, index, () -> hierarchy, implementations, sites);
        }

        public TestCatalog catalog() {
            return TestCatalog.of(tests);
        }
    }

    /**
     * Stores this run's graph and catalog.
     *
     * @return a problem to report, if they could not be written (the analysis itself is unaffected)
     */
    public Optional<String> save(Key key, SourceIndex index, DependencyGraph graph, TestCatalog catalog) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            CacheFolder.write(file, CacheFraming.framed(MAGIC, FORMAT_VERSION, tiaVersion,
                    bytes(key, index, graph.adjacency(), graph.declaringFiles(), catalog, graph.hierarchy())));
            // Stores of earlier formats are never read again: they would only take space in the CI cache.
            AtomicFiles.deleteMatching(file.getParent(), name -> name.matches("graph-v\\d+\\.bin") && !name.equals(FILE_NAME));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot write the stored graph " + file + ": " + e.getMessage() + " (the next run builds it again)");
        }
    }

    /**
     * The key; the modules named anywhere, as a table; each file's record and the texts they point to; the nodes with
     * the type hierarchy (see {@link StoredNodes}); each node's successors (see {@link StoredEdges}); the nodes without
     * supertype edges; each test class by its node and its file's number; the types named in text; each node's
     * declaring file; the words the files write and where each name is called (see {@link WrittenWords}, {@link
     * StoredCalls}). The part after the modules is written first, numbering modules as it names them.
     */
    private static byte[] bytes(Key key, SourceIndex index, Adjacency graph, Optional<DeclaringFiles> built, TestCatalog catalog,
            TypeHierarchy hierarchy) {
        DeclaringFiles declaring = built.orElseGet(() -> declaringFiles(index, graph));
        int[] declaringFile = declaring.byNode(graph.size());
        boolean patchable = declaring.once();
        // The words and calls of every file read nothing the rest writes: made on threads of their own meanwhile (each
        // took 115-130 ms at 50k classes, on top of the 185 ms the rest takes).
        CompletableFuture<byte[]> words = onThread("tia-store-words", out -> WrittenWords.write(out,
                Collections2.transform(index.files(), IndexedFile::facts)));
        CompletableFuture<byte[]> calls = onThread("tia-store-calls", out -> StoredCalls.write(out, index, graph, patchable));
        Map<TypeRef, List<TypeRef>> supertypes = hierarchy.supertypesOf(index.declarations());
        Set<TypeRef> outside = hierarchy.namingSupertypesOutside(index.declarations());
        Set<TypeRef> namedInLiterals = hierarchy.namedInLiterals();
        Set<TypeRef> namedInResources = hierarchy.namedInResources();
        Map<String, Integer> modules = new LinkedHashMap<>();
        ToIntFunction<String> moduleNumber = module -> module(modules, module);
        ByteSink out = new ByteSink();
        Map<String, Integer> testFiles = new HashMap<>();
        FileWriter files = new FileWriter(out, modules);
        out.varint(index.files().size());
        for (IndexedFile file : index.files()) {
            if (file.test()) {
                testFiles.put(file.path(), files.written);
            }
            files.write(file);
        }
        files.finish();
        StoredNodes.write(out, graph, supertypes, outside, catalog.tests().keySet(), moduleNumber);
        StoredEdges.write(out, graph);
        BitSet leftOut = graph.supertypesLeftOut();
        out.varint(leftOut.cardinality());
        leftOut.stream().forEach(out::varint);
        out.varint(catalog.tests().size());
        for (TestClass test : catalog.tests().values()) {
            StoredNodes.writeType(out, test.type(), graph, moduleNumber); // every test class is a node, in a file of the index
            Integer file = testFiles.get(test.path());
            out.varint(file == null ? 0 : file + 1);
            if (file == null) {
                out.text(test.path());
            }
            out.varint(test.classTags().size());
            test.classTags().forEach(out::text);
            out.varint(test.tagsOnEveryTest().size());
            test.tagsOnEveryTest().forEach(out::text);
            out.varint((test.loadsWholeModule() ? 1 : 0) | (test.scansClasses() ? 2 : 0));
        }
        for (Set<TypeRef> named : List.of(namedInLiterals, namedInResources)) {
            out.varint(named.size());
            named.forEach(type -> StoredNodes.writeType(out, type, graph, moduleNumber));
        }
        out.varint(patchable ? 1 : 0);
        for (int id = 0; id < graph.size(); id++) {
            out.varint(declaringFile[id]);
        }
        out.raw(words.join());
        out.raw(calls.join());
        if (modules.size() > 0xFFFF) {
            throw new IllegalStateException("too many modules to store: " + modules.size());
        }
        ByteSink head = new ByteSink();
        // An id of this store, which a listing checked against it names (see CheckedListing): random, not a checksum, so
        // that no other store can be taken for it.
        head.text(Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + "-" + Long.toHexString(System.nanoTime()));
        head.varint(key.implementations() ? 1 : 0);
        head.text(key.workspace());
        head.text(key.resources().text());
        head.text(key.baseTypes());
        head.varint(modules.size());
        modules.keySet().forEach(head::text);
        head.raw(out.toBytes());
        return head.toBytes();
    }

    /** What {@code write} writes, made on a daemon thread of its own. */
    private static CompletableFuture<byte[]> onThread(String name, Consumer<ByteSink> write) {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                ByteSink out = new ByteSink();
                write.accept(out);
                bytes.complete(out.toBytes());
            } catch (RuntimeException | Error e) {
                bytes.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return bytes;
    }

    /**
     * The files that declare each type of {@code graph}, found by looking up every declared type of every file of
     * {@code index}: for a stored graph, patched or not, whose build noted them in an earlier run.
     */
    static DeclaringFiles declaringFiles(SourceIndex index, Adjacency graph) {
        DeclaringFiles declaring = new DeclaringFiles(graph.size());
        int number = 0;
        for (IndexedFile file : index.files()) {
            number++;
            for (DeclaredType type : file.facts().types()) {
                int node = graph.findType(new TypeRef(file.module(), type.name()));
                if (node >= 0) {
                    declaring.declare(node, number);
                }
            }
        }
        return declaring;
    }

    /** A module's number in the table, numbered as first named. */
    private static int module(Map<String, Integer> modules, String module) {
        Integer number = modules.get(module);
        if (number == null) {
            number = modules.size();
            modules.put(module, number);
        }
        return number;
    }

    /** The file records and, after them, the texts they point to (see {@link StoredFiles#RECORD}). */
    private static final class FileWriter {
        private final ByteSink out;
        private final Map<String, Integer> modules;
        private final ByteSink texts = new ByteSink();
        private String previous = "";
        private String previousModule;
        private int previousModuleNumber;
        int written;

        FileWriter(ByteSink out, Map<String, Integer> modules) {
            this.out = out;
            this.modules = modules;
        }

        /** One file: a method of its own, for the reason {@link #samePathsOtherContent} gives. */
        void write(IndexedFile file) {
            // Paths in order share most of their characters with the one before: only the rest is written.
            int shared = sharedPrefix(previous, file.path());
            byte[] rest = file.path().substring(shared).getBytes(StandardCharsets.UTF_8);
            byte[] id = ByteSink.objectId(file.contentId());
            byte[] idText = id == null ? file.contentId().getBytes(StandardCharsets.UTF_8) : null;
            if (shared > 0xFFFF || rest.length > 0xFFFF || (idText != null && idText.length > 0xFFFF)) {
                throw new IllegalStateException("a path or content id too long to store: " + file.path());
            }
            if (!file.module().equals(previousModule)) { // files come by folder: most share the module before
                previousModule = file.module();
                previousModuleNumber = module(modules, file.module());
            }
            out.fixed(previousModuleNumber, 2);
            out.fixed((file.test() ? 1 : 0) | (id == null ? 2 : 0), 1);
            out.fixed(shared, 2);
            out.fixed(rest.length, 2);
            out.fixed(texts.size(), 4);
            texts.raw(rest);
            if (id != null) {
                out.raw(id);
            } else {
                out.fixed(texts.size(), 4);
                out.fixed(idText.length, 2);
                out.raw(new byte[14]);
                texts.raw(idText);
            }
            previous = file.path();
            written++;
        }

        void finish() {
            out.varint(texts.size());
            out.raw(texts.toBytes());
        }
    }

    /** How many characters {@code a} and {@code b} start with alike, not splitting a surrogate pair. */
    private static int sharedPrefix(String a, String b) {
        int shared = 0;
        int most = Math.min(a.length(), b.length());
        while (shared < most && a.charAt(shared) == b.charAt(shared)) {
            shared++;
        }
        return shared > 0 && Character.isHighSurrogate(a.charAt(shared - 1)) ? shared - 1 : shared;
    }

    /**
     * The part of a stored graph read on every run: its key and its files, whose paths and content ids stay in the
     * bytes read (compared there); and where the graph begins, decoded by {@link #graph(List)} only when it is used.
     */
    private static final class StoredFiles {
        static final byte SAME = 0;
        static final byte OTHER_CONTENT = 1;
        static final byte OTHER_FILE = 2;
        /**
         * A file's record: its module's number (2 bytes); flags (1: in test sources, 2: a content id that is no git
         * object id); the characters its path shares with the path before (2); the rest's length (2) and offset
         * among the texts (4); its content id's 20 bytes, or its offset among the texts (4) and length (2).
         */
        private static final int RECORD = 31;

        private final ByteSource bytes;
        private final String id;
        private final Key key;
        private final String[] modules;
        private final int count;
        private final int records;
        private final int texts;
        private final int graphStart;
        /** The paths whole, made only when the files are merged path by path (some were added or removed). */
        private String[] paths;

        /**
         * Reads the key and the modules; the files' records are read where they lie, as they are compared (scanning
         * 67k variable-length entries first took 50-75 ms of the other core while git works). The checksum guards
         * them; numbers in them that point outside the file still end in {@link #check}'s note, not an exception.
         */
        private StoredFiles(ByteSource bytes) throws CacheFraming.CorruptException {
            this.bytes = bytes;
            id = bytes.text();
            key = new Key(bytes.varint() == 1, bytes.text(), KeyResources.stored(bytes.text()), bytes.text());
            modules = new String[bytes.count()];
            for (int i = 0; i < modules.length; i++) {
                modules[i] = bytes.text();
            }
            count = bytes.count();
            records = bytes.position();
            bytes.skip(count * RECORD);
            int textBytes = bytes.count();
            texts = bytes.position();
            bytes.skip(textBytes);
            graphStart = bytes.position();
        }

        static StoredFiles read(Path file, String tiaVersion) throws IOException {
            CacheFraming.Payload payload = CacheFraming.unframe(FileBytes.read(file), MAGIC, FORMAT_VERSION, tiaVersion);
            return new StoredFiles(new ByteSource(payload.bytes(), payload.start(), payload.end()));
        }

        Key key() {
            return key;
        }

        /** The store's own id, random, written with it. */
        String id() {
            return id;
        }

        int count() {
            return count;
        }

        private boolean isText(int i) {
            return (bytes.fixed(records + i * RECORD + 2, 1) & 2) != 0;
        }

        /**
         * Whether stored file {@code i} is {@code file}, with the same content or another, given that the stored file
         * before it is this run's file before it, {@code previousPath} (checked in its own call: the answers hold
         * together, and each can be asked on any thread).
         */
        byte compare(int i, IndexedFile file, String previousPath) {
            if (!pathIs(i, file.path(), previousPath) || !file.module().equals(module(i)) || file.test() != test(i)) {
                return OTHER_FILE;
            }
            return contentIdIs(i, file.contentId()) ? SAME : OTHER_CONTENT;
        }

        private boolean pathIs(int i, String path, String previousPath) {
            int at = records + i * RECORD;
            int shared = bytes.fixed(at + 3, 2);
            return shared <= path.length() && shared <= previousPath.length() && path.regionMatches(0, previousPath, 0, shared)
                    && bytes.textEquals(texts + bytes.fixed(at + 7, 4), bytes.fixed(at + 5, 2), path, shared);
        }

        boolean contentIdIs(int i, String contentId) {
            int at = records + i * RECORD + 11;
            return isText(i) ? bytes.textEquals(texts + bytes.fixed(at, 4), bytes.fixed(at + 4, 2), contentId)
                    : bytes.objectIdEquals(at, contentId);
        }

        /** Stored file {@code i}'s path, given the path of the stored file before it: read alone, where it lies. */
        String pathAfter(int i, String previousPath) {
            int at = records + i * RECORD;
            return previousPath.substring(0, Math.min(bytes.fixed(at + 3, 2), previousPath.length()))
                    + bytes.textAt(texts + bytes.fixed(at + 7, 4), bytes.fixed(at + 5, 2));
        }

        /** Stored file {@code i}'s path. */
        String path(int i) {
            if (paths == null) {
                paths = new String[count];
                String previous = "";
                for (int f = 0; f < count; f++) {
                    int at = records + f * RECORD;
                    previous = previous.substring(0, Math.min(bytes.fixed(at + 3, 2), previous.length()))
                            + bytes.textAt(texts + bytes.fixed(at + 7, 4), bytes.fixed(at + 5, 2));
                    paths[f] = previous;
                }
            }
            return paths[i];
        }

        String module(int i) {
            return modules[bytes.fixed(records + i * RECORD, 2)];
        }

        boolean test(int i) {
            return (bytes.fixed(records + i * RECORD + 2, 1) & 1) != 0;
        }

        String contentId(int i) {
            int at = records + i * RECORD + 11;
            return isText(i) ? bytes.textAt(texts + bytes.fixed(at, 4), bytes.fixed(at + 4, 2)) : bytes.objectId(at);
        }

        /**
         * The graph and catalog after the files.
         *
         * @param current this run's files: the stored ones, in their order, perhaps with new ones among them
         * @param lineup where each stored file is among them
         * @param changed those whose content differs from the stored one, and the new ones, by this run's numbers
         */
        Stored graph(List<IndexedFile> current, Lineup lineup, ChangedFiles changed) throws CacheFraming.CorruptException {
            bytes.seek(graphStart);
            StoredNodes nodes = StoredNodes.read(bytes, modules);
            int nodeCount = nodes.size();
            StoredEdges edges = StoredEdges.read(bytes, nodeCount);
            BitSet leftOut = new BitSet(nodeCount);
            for (int i = bytes.count(); i > 0; i--) {
                leftOut.set(number(bytes.varint(), nodeCount));
            }
            int testCount = bytes.count();
            ImmutableMap.Builder<TypeRef, TestClass> tests = ImmutableMap.builderWithExpectedSize(testCount);
            for (int i = 0; i < testCount; i++) {
                TypeRef type = nodes.readType(bytes);
                int file = bytes.varint() - 1;
                int now = file >= 0 ? lineup.current(number(file, count())) : -1;
                String path = file < 0 ? bytes.text() : now >= 0 ? current.get(now).path() : lineup.removedPath(file);
                ImmutableSortedSet<String> classTags = sortedTexts();
                ImmutableSortedSet<String> onEvery = sortedTexts();
                int flags = bytes.varint();
                tests.put(type, new TestClass(type, path, classTags, onEvery, (flags & 1) != 0, (flags & 2) != 0));
            }
            Set<TypeRef> namedInLiterals = nodes.readTypes(bytes);
            Set<TypeRef> namedInResources = nodes.readTypes(bytes);
            boolean patchable = bytes.varint() == 1;
            int[] declaringFile = new int[nodeCount];
            boolean renumbered = lineup.renumbered();
            for (int id = 0; id < nodeCount; id++) {
                declaringFile[id] = bytes.varint();
                if (declaringFile[id] > count) {
                    throw new CacheFraming.CorruptException("number out of range");
                }
                // Only a type is declared by a file: the stored calls' callers are checked against this alone.
                if (declaringFile[id] != 0 && !nodes.isType(id)) {
                    throw new CacheFraming.CorruptException("a declaring file for a node that is no type");
                }
                if (renumbered && declaringFile[id] != 0) { // by this run's numbers, which differ past a new file
                    declaringFile[id] = lineup.current(declaringFile[id] - 1) + 1;
                }
            }
            WrittenWords writtenWords = WrittenWords.read(bytes, count, lineup::current);
            StoredCalls calls = StoredCalls.read(bytes);
            if (!bytes.atEnd()) {
                throw new CacheFraming.CorruptException("data after the stored calls");
            }
            try {
                return new Stored(key.implementations(), nodes, edges, leftOut, tests.buildOrThrow(),
                        TypeHierarchy.stored(nodes, namedInLiterals, namedInResources), declaringFile, patchable,
                        writtenWords, calls, changed, null, 0, 0);
            } catch (IllegalArgumentException e) {
                throw new CacheFraming.CorruptException("a test class stored twice");
            }
        }

        private ImmutableSortedSet<String> sortedTexts() throws CacheFraming.CorruptException {
            int count = bytes.count();
            if (count == 0) { // most test classes have no tags: no builder for them (16.7k of them at 50k classes)
                return ImmutableSortedSet.of();
            }
            ImmutableSortedSet.Builder<String> values = ImmutableSortedSet.naturalOrder();
            for (int i = 0; i < count; i++) {
                values.add(bytes.text());
            }
            return values.build();
        }

        private static int number(int value, int count) throws CacheFraming.CorruptException {
            if (value < 0 || value >= count) {
                throw new CacheFraming.CorruptException("number out of range");
            }
            return value;
        }
    }
}
