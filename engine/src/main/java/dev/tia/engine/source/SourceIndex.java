package dev.tia.engine.source;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Lists;

import dev.tia.engine.Progress;
import dev.tia.engine.git.ContentId;
import dev.tia.engine.git.SourceTree;
import dev.tia.engine.project.MavenModule;
import dev.tia.engine.project.RepoPath;
import dev.tia.engine.project.SourceRootKind;
import dev.tia.engine.project.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** The Java files and type-naming resources of every module at one state of the tree. */
public final class SourceIndex {

    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][\\w$]*(?:\\.[A-Za-z_][\\w$]*)+");
    /**
     * Resource kinds whose text may name classes (Spring XML, factories, properties, YAML, services files) or call
     * methods (templates).
     */
    private static final Set<String> TEXT_RESOURCE_ENDINGS = Set.of(".xml", ".properties", ".factories", ".imports",
            ".yaml", ".yml", ".json", ".conf", ".txt", ".html", ".htm", ".ftl", ".ftlh", ".vm", ".mustache", ".hbs",
            ".jsp", ".jspx", ".tag", ".peb");
    private static final String SERVICES_FOLDER = "META-INF/services/";
    /** The content id of a file that cannot be read: a key no cache holds, so the file is read again next time. */
    private static final String UNREADABLE = "unreadable:";

    /** In the tree's order, which is the paths' (see {@link SourceTree#files()}): found by binary search. */
    private final ImmutableList<IndexedFile> files;
    private final ImmutableList<ResourceFacts> resources;
    private final ImmutableList<IndexedFile> unparsed;
    private final ImmutableList<UnreadableResource> unreadableResources;
    /** The numbers of the files whose facts this run parsed (or found unreadable), in order. */
    private final int[] parsedNumbers;
    /** Whether every file read could be read: each file's content id is then its content's (see {@link #allRead}). */
    private final boolean allRead;
    private final Stats stats;
    private final Supplier<Map<TypeRef, Declaration>> declarations;

    private SourceIndex(ImmutableList<IndexedFile> files, ImmutableList<ResourceFacts> resources,
            ImmutableList<UnreadableResource> unreadableResources, ImmutableList<IndexedFile> unparsed,
            int[] parsedNumbers, boolean allRead, Stats stats) {
        this.files = files;
        this.resources = resources;
        this.unparsed = unparsed;
        this.unreadableResources = unreadableResources;
        this.parsedNumbers = parsedNumbers;
        this.allRead = allRead;
        this.stats = stats;
        this.declarations = Suppliers.memoize(() -> declarationsOf(files));
    }

    public Stats stats() {
        return stats;
    }

    /** An index of {@code files} alone (in path order), without resources: what one file's catalog entries are made from. */
    static SourceIndex of(List<IndexedFile> files) {
        return new SourceIndex(ImmutableList.copyOf(files), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
                new int[0], true,
                new Stats(files.size(), 0, files.size(), 0, 0));
    }

    /** Parses every Java file in the modules' source roots (no cache, no progress) and scans their resources. */
    public static SourceIndex build(Workspace workspace, SourceTree tree, JavaFileAnalyzer analyzer) {
        return build(workspace, tree, analyzer, FactsCache.none(), Progress.NONE);
    }

    /**
     * Indexes every Java file in the modules' source roots, taking facts from {@code cache} where the content is
     * known and parsing the rest in parallel, and scans their text resources.
     */
    public static SourceIndex build(Workspace workspace, SourceTree tree, JavaFileAnalyzer analyzer, FactsCache cache,
            Progress progress) {
        return build(workspace, tree, analyzer, cache, progress, path -> Optional.empty(), ResourceScans.none());
    }

    /**
     * As {@link #build(Workspace, SourceTree, JavaFileAnalyzer, FactsCache, Progress)}, taking a file's facts from
     * {@code parsedAhead} (see {@link #parseAhead}) when they are of its content, and what a resource's text names
     * from {@code scans} when they hold its content.
     */
    public static SourceIndex build(Workspace workspace, SourceTree tree, JavaFileAnalyzer analyzer, FactsCache cache,
            Progress progress, Function<String, Optional<Parsed>> parsedAhead, ResourceScans scans) {
        // The tree's files in runs of contiguous positions, placed on every core (one core took 22 ms at 50k classes),
        // then joined in the tree's order.
        List<String> paths = tree.files();
        int runs = Math.max(1, Math.min(16, paths.size() / 2048));
        List<Placed> placed = IntStream.range(0, runs).parallel()
                .mapToObj(run -> place(workspace, tree, scans, paths, paths.size() * run / runs, paths.size() * (run + 1) / runs))
                .toList();
        List<Pending> pending = new ArrayList<>(paths.size());
        ImmutableList.Builder<ResourceFacts> resources = ImmutableList.builder();
        ImmutableList.Builder<UnreadableResource> unreadableResources = ImmutableList.builder();
        int textResources = 0;
        for (Placed run : placed) {
            pending.addAll(run.javaFiles());
            resources.addAll(run.resources());
            unreadableResources.addAll(run.unreadable());
            textResources += run.textResources();
        }
        IndexedFile[] indexed = new IndexedFile[pending.size()];
        // Whether each file parses, noted where its entry is at hand: a pass over all of them later cost 10 ms at 50k.
        boolean[] unparsed = new boolean[pending.size()];
        // A lookup per file, on both cores, in runs of contiguous files: each run's lookups follow the index's order,
        // which is the files' (see FactsTable), so that they read it in sequence rather than at random.
        int lookupRuns = Math.max(1, Math.min(16, pending.size() / 2048));
        IntStream.range(0, lookupRuns).parallel().forEach(run -> {
            FactsCache.Lookup lookup = cache.lookup();
            for (int i = pending.size() * run / lookupRuns, end = pending.size() * (run + 1) / lookupRuns; i < end; i++) {
                Pending file = pending.get(i);
                Optional<String> id = tree.contentIdAt(file.position());
                Optional<StoredFacts> cached = id.isPresent() ? lookup.stored(id.get()) : Optional.empty();
                if (cached.isPresent()) {
                    indexed[i] = file.indexed(id.get(), cached.get());
                    unparsed[i] = !cached.get().parsed();
                }
            }
        });
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < indexed.length; i++) {
            if (indexed[i] == null) {
                misses.add(i);
            }
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger parsed = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();
        // Parsing is CPU-bound and files are independent: use every core on a cold run.
        misses.parallelStream().forEach(i -> {
            Pending file = pending.get(i);
            Identified facts = factsOf(analyzer, tree, file.path(), cache, parsed, parsedAhead);
            if (facts.contentId().startsWith(UNREADABLE)) {
                unreadable.incrementAndGet();
            }
            indexed[i] = file.indexed(facts.contentId(), facts.facts());
            unparsed[i] = !facts.facts().parsed();
            progress.update("parsing", done.incrementAndGet(), misses.size());
        });
        progress.finish();
        // A list, not a map by path: hashing 67k paths into a map took 30-40 ms of a warm run at 50k classes, and
        // the few lookups by path a run makes find them by binary search.
        ImmutableList.Builder<IndexedFile> unparsedFiles = ImmutableList.builder();
        for (int i = 0; i < indexed.length; i++) {
            if (unparsed[i]) {
                unparsedFiles.add(indexed[i]);
            }
        }
        return new SourceIndex(ImmutableList.copyOf(indexed), resources.build(), unreadableResources.build(), unparsedFiles.build(),
                misses.stream().mapToInt(Integer::intValue).toArray(), unreadable.get() == 0,
                new Stats(pending.size(), parsed.get(), pending.size() - parsed.get(), textResources, scans.scanned()));
    }

    /**
     * The Java files and the resources naming something of a run of the tree's files, in order.
     *
     * @param unreadable the text resources that could not be read
     * @param textResources how many text resources the run met, whether they name anything or not
     */
    private record Placed(List<Pending> javaFiles, List<ResourceFacts> resources, List<UnreadableResource> unreadable,
            int textResources) {
    }

    /**
     * A text resource that could not be read: what it names is unknown.
     *
     * @param problem why, as the report says it
     */
    public record UnreadableResource(String path, String module, String problem) {
    }

    /** Places the files at positions {@code from} to {@code to} (exclusive) of the tree's list in their modules. */
    private static Placed place(Workspace workspace, SourceTree tree, ResourceScans scans, List<String> paths, int from,
            int to) {
        List<Pending> pending = new ArrayList<>(to - from);
        List<ResourceFacts> resources = new ArrayList<>();
        List<UnreadableResource> unreadable = new ArrayList<>();
        int textResources = 0;
        // Module and root kind depend only on a file's folder: worked out once per folder, not once per file.
        Map<String, Placement> placements = new HashMap<>();
        String lastDir = null;
        Placement placement = null;
        for (int position = from; position < to; position++) {
            String path = paths.get(position);
            // Files come sorted, so most share the folder of the one before: no substring and lookup for them.
            if (lastDir == null || !RepoPath.isDirectlyIn(path, lastDir)) {
                lastDir = RepoPath.parent(path);
                placement = placements.computeIfAbsent(lastDir, dir -> Placement.of(workspace, path));
            }
            Optional<MavenModule> module = placement.module();
            if (module.isEmpty()) {
                continue;
            }
            SourceRootKind kind = placement.kind();
            if ((kind == SourceRootKind.MAIN_SOURCE || kind == SourceRootKind.TEST_SOURCE) && path.endsWith(".java")) {
                pending.add(new Pending(path, position, module.get().path(), kind == SourceRootKind.TEST_SOURCE));
            } else if ((kind == SourceRootKind.MAIN_RESOURCE || kind == SourceRootKind.TEST_RESOURCE) && namesTypes(path)) {
                textResources++;
                scanResource(tree, scans, path, position, module.get(), kind == SourceRootKind.TEST_RESOURCE, unreadable)
                        .ifPresent(resources::add);
            }
        }
        return new Placed(pending, resources, unreadable, textResources);
    }

    /** Facts with the content id they belong to. */
    private record Identified(String contentId, StoredFacts facts) {
    }

    /** A file's facts, parsed ahead of the index, with the content id they belong to. */
    public record Parsed(String contentId, FileFacts facts) {
    }

    /**
     * Parses the files at {@code paths} under {@code root} (the Java files a change wrote in the working tree) whose
     * content the facts index does not know, for {@link #build} to take: started beside the listing of the tree,
     * which the index waits for anyway, so that a fresh JVM's first parse (about 100 ms of a one-file change at 50k
     * classes, most of it loading and compiling the parser) overlaps it. A file that cannot be read is left to the
     * index, which says why.
     */
    public static Map<String, Parsed> parseAhead(Path root, Collection<String> paths, JavaFileAnalyzer analyzer,
            Supplier<FactsCache> cache) {
        Map<String, Parsed> parsed = new HashMap<>();
        for (String path : paths) {
            try {
                byte[] content = Files.readAllBytes(root.resolve(path));
                String id = ContentId.of(content);
                if (cache.get().stored(id).isEmpty()) {
                    parsed.put(path, new Parsed(id, analyzer.analyze(path, decode(content))));
                }
            } catch (IOException e) {
                // the index reads it again, and reports what it finds
            }
        }
        return parsed;
    }

    /** Reads one file, then takes its facts from the cache by content, or parses it and remembers the result. */
    private static Identified factsOf(JavaFileAnalyzer analyzer, SourceTree tree, String path, FactsCache cache, AtomicInteger parsed) {
        return factsOf(analyzer, tree, path, cache, parsed, p -> Optional.empty());
    }

    private static Identified factsOf(JavaFileAnalyzer analyzer, SourceTree tree, String path, FactsCache cache, AtomicInteger parsed,
            Function<String, Optional<Parsed>> parsedAhead) {
        byte[] content;
        try {
            content = tree.read(path);
        } catch (IOException e) {
            // no content, so no content id: a key no cache holds, and the file is read again next time
            return new Identified(UNREADABLE + path, StoredFacts.of(
                    FileFacts.unparseable("", Optional.empty(), "cannot read: " + e.getMessage(), Fingerprint.NONE)));
        }
        String id = tree.contentId(path).orElseGet(() -> ContentId.of(content));
        Optional<StoredFacts> cached = cache.stored(id);
        if (cached.isPresent()) {
            return new Identified(id, cached.get());
        }
        parsed.incrementAndGet();
        Optional<Parsed> ahead = parsedAhead.apply(path).filter(p -> p.contentId().equals(id));
        return new Identified(id, cache.put(id, ahead.isPresent() ? ahead.get().facts() : analyzer.analyze(path, decode(content))));
    }

    /** Where the files of one folder belong. */
    private record Placement(Optional<MavenModule> module, SourceRootKind kind) {
        static Placement of(Workspace workspace, String fileInFolder) {
            Optional<MavenModule> module = workspace.moduleContaining(fileInFolder);
            return new Placement(module, module.map(m -> m.kindOf(fileInFolder)).orElse(SourceRootKind.OTHER));
        }
    }

    /** A Java file found in a source root, before its facts are known; {@code position} is its place in the tree. */
    private record Pending(String path, int position, String module, boolean test) {
        IndexedFile indexed(String contentId, StoredFacts facts) {
            return new IndexedFile(path, module, test, contentId, facts);
        }
    }

    /**
     * How the index was made.
     *
     * @param parsed files parsed in this run
     * @param cached files whose facts came from the persistent index
     * @param textResources the text resources that may name types (see {@link #resources()})
     * @param resourcesRead those of them read in this run: the rest were known by content (see {@link ResourceScans})
     */
    public record Stats(int files, int parsed, int cached, int textResources, int resourcesRead) {
    }

    /** The facts of one file of {@code tree}, from {@code cache} when its content is known there. */
    public static FileFacts analyze(JavaFileAnalyzer analyzer, SourceTree tree, String path, FactsCache cache) {
        Optional<FileFacts> cached = tree.contentId(path).flatMap(cache::get);
        return cached.orElseGet(() -> factsOf(analyzer, tree, path, cache, new AtomicInteger()).facts().facts());
    }

    /** UTF-8, falling back to ISO-8859-1 for legacy files: identifiers are ASCII in practice either way. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean namesTypes(String path) {
        if (path.contains(SERVICES_FOLDER)) {
            return true;
        }
        String name = RepoPath.fileName(path);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && TEXT_RESOURCE_ENDINGS.contains(name.substring(dot));
    }

    /**
     * What the resource at {@code position} of the tree names: its scan found by the content id the tree knows for
     * it, else its text read and scanned (and the scan kept by the content's id). A resource that cannot be read
     * joins {@code unreadable} instead, and nothing is kept for it.
     */
    private static Optional<ResourceFacts> scanResource(SourceTree tree, ResourceScans scans, String path, int position,
            MavenModule module, boolean test, List<UnreadableResource> unreadable) {
        Optional<String> knownId = tree.contentIdAt(position);
        Optional<ResourceScans.Scan> known = knownId.flatMap(scans::get);
        ResourceScans.Scan scan;
        if (known.isPresent()) {
            scan = known.get();
        } else {
            byte[] bytes;
            try {
                bytes = tree.read(path);
            } catch (IOException e) {
                unreadable.add(new UnreadableResource(path, module.path(), "cannot read " + path + ": " + e.getMessage()
                        + " (what it names is unknown)"));
                return Optional.empty();
            }
            scan = scan(bytes);
            scans.put(knownId.orElseGet(() -> ContentId.of(bytes)), scan);
        }
        int services = path.indexOf(SERVICES_FOLDER);
        Optional<String> serviceInterface = services >= 0
                ? Optional.of(path.substring(services + SERVICES_FOLDER.length())).filter(n -> !n.contains("/"))
                : Optional.empty();
        if (scan.names().isEmpty() && serviceInterface.isEmpty() && scan.calledNames().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResourceFacts(path, module.path(), test, scan.names(), serviceInterface, scan.calledNames()));
    }

    /** The names a resource's bytes write, and the words they write as calls: none in data over a megabyte. */
    static ResourceScans.Scan scan(byte[] bytes) {
        if (bytes.length > 1 << 20) {
            return ResourceScans.Scan.NOTHING; // data, not configuration
        }
        String text = decode(bytes);
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = QUALIFIED_NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group().replace('$', '.'));
        }
        Set<String> called = new LinkedHashSet<>();
        Matcher call = MemberFacts.WRITTEN_CALL.matcher(text);
        while (call.find()) {
            called.add(call.group(1));
        }
        return names.isEmpty() && called.isEmpty() ? ResourceScans.Scan.NOTHING
                : new ResourceScans.Scan(ImmutableSet.copyOf(names), ImmutableSet.copyOf(called));
    }

    /** Every Java file in the order of their paths. */
    public ImmutableList<IndexedFile> files() {
        return files;
    }

    /**
     * Every type declared at head, in file order, with its declaration (the first one where a module declares a
     * name twice). Worked out once, on first use, and shared by the type universe, the test catalog and the
     * member-level call index, which each built a map of their own of all types (80 ms of a warm run at 50k classes).
     */
    public Map<TypeRef, Declaration> declarations() {
        return declarations.get();
    }

    private static Map<TypeRef, Declaration> declarationsOf(ImmutableList<IndexedFile> files) {
        Map<TypeRef, Declaration> declarations = new LinkedHashMap<>(files.size() * 3);
        for (int number = 0; number < files.size(); number++) {
            IndexedFile file = files.get(number);
            for (DeclaredType type : file.facts().types()) {
                declarations.putIfAbsent(new TypeRef(file.module(), type.name()), new Declaration(file, number, type));
            }
        }
        return Collections.unmodifiableMap(declarations);
    }

    /** The files that do not parse, in the order of {@link #files()}. */
    public ImmutableList<IndexedFile> unparsedFiles() {
        return unparsed;
    }

    public ImmutableList<ResourceFacts> resources() {
        return resources;
    }

    /** The text resources that could not be read, in the tree's order: their module's tests must run. */
    public ImmutableList<UnreadableResource> unreadableResources() {
        return unreadableResources;
    }

    public Optional<IndexedFile> file(String path) {
        int found = number(path);
        return found >= 0 ? Optional.of(files.get(found)) : Optional.empty();
    }

    /** The place of {@code path} in {@link #files()}, or a negative number when it is not there. */
    public int number(String path) {
        return Collections.binarySearch(Lists.transform(files, IndexedFile::path), path);
    }

    /**
     * The numbers of the files whose facts this run did not find by the tree's content id, in order: parsed, or found
     * unreadable. Every other file's content id is the one its tree gave.
     */
    public int[] parsedNumbers() {
        return parsedNumbers.clone();
    }

    /** Whether every file this run read could be read (an unreadable one has an id of its path, not its content). */
    public boolean allRead() {
        return allRead;
    }
}
