package dev.tia.engine.source;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import dev.tia.engine.io.CacheFolder;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.io.FileBytes;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What every file's names resolved to in an earlier run, by content, so a warm run resolves only what may have
 * changed: resolving every file is most of building the graph (about 80 ms of 150 at 10k classes, on two cores).
 *
 * <p>A stored resolution is kept with the type universe and the module visibility it was computed against. It is
 * reused when the file's content is the same, its module sees the same modules, and the file writes no simple name
 * of a type added, removed or moved to another module since. That is exact, not a guess: every name the resolver
 * looks up ends in a word the file writes (an identifier, or a segment of an import, a qualified name, a supertype
 * or a string literal), so a changed type whose simple name the file never writes cannot change its result.
 * Everything else is resolved again. A missing, foreign or corrupt file only means resolving everything.
 *
 * <p>The file is rewritten whole (a temporary file moved into place, like the facts index) when many files had to
 * be resolved again, not on every run: a run that resolves the few files changed since costs less than writing.
 */
public final class ResolutionCache {

    private static final String MAGIC = "tia-resolved";
    static final int FORMAT_VERSION = 1;
    static final String FILE_NAME = "resolved-v" + FORMAT_VERSION + ".bin";
    /** Resolving this many files again costs about as much as rewriting the store. */
    private static final int REWRITE_AFTER = 64;

    private final Path file;
    private final String tiaVersion;
    private final Stored stored;
    private final Optional<String> problem;
    private Snapshot current;

    private ResolutionCache(Path file, String tiaVersion, Stored stored, Optional<String> problem) {
        this.file = file;
        this.tiaVersion = tiaVersion;
        this.stored = stored;
        this.problem = problem;
    }

    /**
     * What was stored: the universe and visibility the resolutions were computed against, and the resolutions by
     * content id (the same content in two modules resolves differently: the last one is kept).
     */
    private record Stored(Set<TypeRef> universe, Map<String, Set<String>> visibility, Map<String, Entry> byContent) {
        static final Stored EMPTY = new Stored(null, Map.of(), Map.of());
    }

    /** A file's resolution and the module it was resolved in. */
    private record Entry(String module, FileResolution resolution) {
    }

    /**
     * This run's resolutions, for {@link #save()}: the files and their resolutions side by side, made into a map by
     * content only when written (most runs write nothing, and the map cost 20 ms of each warm run at 50k classes).
     */
    private record Snapshot(Collection<TypeRef> universe, Map<String, Set<String>> visibility, List<IndexedFile> files,
            FileResolution[] resolutions, int resolved) {

        /** Parsed files' resolutions by content; the last file wins where two modules hold the same content. */
        Map<String, Entry> byContent() {
            Map<String, Entry> byContent = new HashMap<>(files.size() * 2);
            for (int i = 0; i < files.size(); i++) {
                IndexedFile file = files.get(i);
                if (file.facts().parsed()) {
                    byContent.put(file.contentId(), new Entry(file.module(), resolutions[i]));
                }
            }
            return byContent;
        }
    }

    /** Nothing stored, nothing written. */
    public static ResolutionCache none() {
        return new ResolutionCache(null, "", Stored.EMPTY, Optional.empty());
    }

    /** Loads what {@code dir} holds; anything unreadable is reported once and treated as nothing stored. */
    public static ResolutionCache load(Path dir, String tiaVersion) {
        Path file = dir.resolve(FILE_NAME);
        try {
            return new ResolutionCache(file, tiaVersion, read(file, tiaVersion), Optional.empty());
        } catch (NoSuchFileException e) {
            return new ResolutionCache(file, tiaVersion, Stored.EMPTY, Optional.empty());
        } catch (CacheFraming.ForeignException e) {
            return new ResolutionCache(file, tiaVersion, Stored.EMPTY, Optional.empty()); // another version: quietly replaced
        } catch (CacheFraming.CorruptException | FactsCodec.CorruptFactsException | EOFException | UTFDataFormatException
                | ArrayIndexOutOfBoundsException e) {
            return new ResolutionCache(file, tiaVersion, Stored.EMPTY,
                    Optional.of("the resolved names " + file + " are corrupt (" + e.getMessage() + "); resolving again"));
        } catch (IOException e) {
            return new ResolutionCache(file, tiaVersion, Stored.EMPTY,
                    Optional.of("the resolved names " + file + " cannot be read (" + e.getMessage() + "); resolving again"));
        }
    }

    /** Why the stored resolutions were discarded, if they were. */
    public Optional<String> problem() {
        return problem;
    }

    /**
     * Every file's resolution: stored ones where still valid (see the class comment), the rest resolved now, in
     * parallel.
     *
     * @param visibleFrom which modules a module sees
     */
    public Resolutions resolveAll(SourceIndex index, NameResolver resolver, TypeUniverse universe,
            Function<String, Set<String>> visibleFrom) {
        Map<String, Set<String>> visibility = new HashMap<>();
        index.files().forEach(f -> visibility.computeIfAbsent(f.module(), visibleFrom));
        Set<String> changedNames = changedSimpleNames(universe);
        Set<String> changedModules = new HashSet<>();
        visibility.forEach((module, visible) -> {
            if (!visible.equals(stored.visibility().get(module))) {
                changedModules.add(module);
            }
        });
        List<IndexedFile> files = index.files();
        FileResolution[] resolutions = new FileResolution[files.size()];
        AtomicInteger resolved = new AtomicInteger();
        // Checking 10k stored resolutions costs as much as resolving a hundred files: both are spread over the cores.
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            IndexedFile file = files.get(i);
            Entry known = stored.byContent().get(file.contentId());
            if (known != null && known.module().equals(file.module()) && !changedModules.contains(file.module())
                    && (changedNames.isEmpty() || !mentionsAny(file.facts(), changedNames))) {
                resolutions[i] = known.resolution();
            } else {
                resolutions[i] = FileResolution.of(file, resolver, visibility.get(file.module()));
                resolved.incrementAndGet();
            }
        });
        current = new Snapshot(universe.types(), visibility, files, resolutions, resolved.get());
        return new Resolutions(resolutions.clone(), files.size() - resolved.get(), resolved.get());
    }

    /**
     * Stores this run's resolutions when many were computed afresh.
     *
     * @return a problem to report, if they could not be written (the analysis itself is unaffected)
     */
    public Optional<String> save() {
        if (file == null || current == null) {
            return Optional.empty();
        }
        boolean nothingStored = stored.universe() == null;
        if (!nothingStored && current.resolved() < Math.max(REWRITE_AFTER, current.files().size() / 50)) {
            return Optional.empty();
        }
        try {
            CacheFolder.write(file, bytes(current));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot write the resolved names " + file + ": " + e.getMessage() + " (the next run resolves again)");
        }
    }

    /** The simple names of types added, removed or moved to another module since the stored universe. */
    private Set<String> changedSimpleNames(TypeUniverse universe) {
        if (stored.universe() == null) {
            return Set.of();
        }
        Set<String> changed = new HashSet<>();
        int common = 0;
        for (TypeRef type : universe.types()) {
            if (stored.universe().contains(type)) {
                common++;
            } else {
                changed.add(type.simpleName());
            }
        }
        if (common < stored.universe().size()) { // some stored type is gone
            for (TypeRef type : stored.universe()) {
                if (!universe.types().contains(type)) {
                    changed.add(type.simpleName());
                }
            }
        }
        return changed;
    }

    /**
     * Whether the file writes one of {@code names} anywhere the resolver looks. Conservative (a name inside a longer
     * word counts too), which only costs resolving a file again. Qualified names need no look of their own: every
     * segment of one is among the file's identifiers (see {@link FileFacts#identifiers()}).
     */
    static boolean mentionsAny(FileFacts facts, Set<String> names) {
        for (String name : names) {
            if (facts.identifiers().contains(name) || containsIn(facts.imports(), name) || containsIn(facts.staticImports(), name)
                    || containsIn(facts.onDemandImports(), name) || containsIn(facts.staticOnDemandImports(), name)
                    || containsIn(facts.stringLiterals(), name) || facts.packageName().contains(name)) {
                return true;
            }
            for (DeclaredType type : facts.types()) {
                if (type.name().contains(name) || containsIn(type.supertypes(), name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsIn(Collection<String> texts, String name) {
        for (String text : texts) {
            if (text.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The header is written by DataOutput (magic, format, tia version), the rest by {@link FactsCodec.Writer}. */
    private byte[] bytes(Snapshot snapshot) throws IOException {
        FactsCodec.Writer out = new FactsCodec.Writer();
        Map<TypeRef, Integer> ids = new HashMap<>();
        out.varint(snapshot.universe().size());
        for (TypeRef type : snapshot.universe()) {
            ids.put(type, ids.size());
            out.string(type.module());
            out.string(type.name());
        }
        out.varint(snapshot.visibility().size());
        snapshot.visibility().forEach((module, visible) -> {
            out.string(module);
            out.varint(visible.size());
            visible.forEach(out::string);
        });
        Map<String, Entry> byContent = snapshot.byContent();
        out.varint(byContent.size());
        byContent.forEach((contentId, entry) -> {
            FileResolution resolution = entry.resolution();
            out.string(contentId);
            out.string(entry.module());
            writeRefs(out, resolution.references(), ids);
            out.varint(resolution.supertypes().size());
            resolution.supertypes().forEach((type, supertypes) -> {
                out.string(type);
                writeRefs(out, supertypes, ids);
            });
        });
        return CacheFraming.framed(MAGIC, FORMAT_VERSION, tiaVersion, out.toBytes());
    }

    private static void writeRefs(FactsCodec.Writer out, Set<TypeRef> refs, Map<TypeRef, Integer> ids) {
        out.varint(refs.size());
        refs.forEach(ref -> out.varint(ids.get(ref)));
    }

    private static Stored read(Path file, String tiaVersion) throws IOException {
        CacheFraming.Payload payload = CacheFraming.unframe(FileBytes.read(file), MAGIC, FORMAT_VERSION, tiaVersion);
        FactsCodec.Reader in = new FactsCodec.Reader(payload.bytes(), payload.start(), payload.end());
        int typeCount = in.varint();
        TypeRef[] types = new TypeRef[typeCount];
        for (int i = 0; i < typeCount; i++) {
            types[i] = new TypeRef(in.string(), in.string());
        }
        Map<String, Set<String>> visibility = new HashMap<>();
        int moduleCount = in.varint();
        for (int i = 0; i < moduleCount; i++) {
            String module = in.string();
            int count = in.varint();
            Set<String> visible = new HashSet<>();
            for (int v = 0; v < count; v++) {
                visible.add(in.string());
            }
            visibility.put(module, visible);
        }
        int entryCount = in.varint();
        Map<String, Entry> byContent = new HashMap<>(entryCount * 2);
        for (int i = 0; i < entryCount; i++) {
            String contentId = in.string();
            String module = in.string();
            Set<TypeRef> references = readTypes(in, types);
            int declared = in.varint();
            ImmutableMap<String, Set<TypeRef>> supertypes;
            if (declared == 1) { // most files declare one type: no builder
                supertypes = ImmutableMap.of(in.string(), readTypes(in, types));
            } else {
                ImmutableMap.Builder<String, Set<TypeRef>> builder = ImmutableMap.builderWithExpectedSize(declared);
                for (int d = 0; d < declared; d++) {
                    builder.put(in.string(), readTypes(in, types));
                }
                supertypes = builder.buildKeepingLast();
            }
            byContent.put(contentId, new Entry(module, new FileResolution(references, supertypes)));
        }
        return new Stored(new HashSet<>(Arrays.asList(types)), visibility, byContent);
    }

    /**
     * A file's references, or the supertypes of a type it declares: only walked, so kept as read, not hashed (see
     * {@link ArraySet}); none or one (most types' supertypes) needs no array.
     */
    private static Set<TypeRef> readTypes(FactsCodec.Reader in, TypeRef[] types) throws IOException {
        int count = in.varint();
        if (count <= 1) {
            return count == 0 ? ImmutableSet.of() : ImmutableSet.of(type(in, types));
        }
        if (count > types.length) {
            throw new FactsCodec.CorruptFactsException("more references than types");
        }
        TypeRef[] references = new TypeRef[count];
        for (int i = 0; i < count; i++) {
            references[i] = type(in, types);
        }
        return ArraySet.of(references);
    }

    private static TypeRef type(FactsCodec.Reader in, TypeRef[] types) throws IOException {
        int id = in.varint();
        if (id < 0 || id >= types.length) {
            throw new FactsCodec.CorruptFactsException("type id out of range");
        }
        return types[id];
    }
}
