package dev.tia.engine.source;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything tia needs from one Java source file: a pure function of the file's content, so it can be cached
 * by content id.
 *
 * @param imports single-type imports ({@code a.b.C})
 * @param onDemandImports {@code a.b} of {@code import a.b.*}
 * @param staticImports {@code a.b.C.member} of {@code import static a.b.C.member}
 * @param staticOnDemandImports {@code a.b.C} of {@code import static a.b.C.*}
 * @param identifiers every simple identifier in the file, every segment of {@code qualifiedNames} and the name of every
 *     method reference among them: any of them may name a type, and every method the file calls is among them
 * @param qualifiedNames dotted names as written in code ({@code a.b.C}, {@code Outer.Inner}, {@code C.CONST})
 * @param stringLiterals string literals shaped like a qualified name ({@code "a.b.C"}, {@code "a.b.C$D"})
 * @param parseProblem set when the file could not be parsed: the reason, with its line
 * @param codeFingerprint a hash of the code without comments and layout: equal for a comment-only edit
 * @param skeletonFingerprint the same with every method body left out: equal when an edit only changes method
 *     bodies; {@link Fingerprint#NONE} when unknown (member-level narrowing is then off for the file)
 * @param annotationClassNames simple names of the classes named by class literals inside annotations
 *     ({@code @Mapper(uses = DateMapper.class)}): frameworks and generated code call their methods unseen
 * @param stringWords string literals that are plain identifiers, and words written as calls inside literals
 *     ({@code "@auth.check(#id)"}): reflection and expression languages may call a method by such a name
 */
public record FileFacts(
        String packageName,
        ImmutableList<DeclaredType> types,
        ImmutableList<String> imports,
        ImmutableList<String> onDemandImports,
        ImmutableList<String> staticImports,
        ImmutableList<String> staticOnDemandImports,
        Set<String> identifiers,
        Set<String> qualifiedNames,
        Set<String> stringLiterals,
        Optional<String> parseProblem,
        Fingerprint codeFingerprint,
        Fingerprint skeletonFingerprint,
        Set<String> annotationClassNames,
        Set<String> stringWords) {

    /** The facts of a file that did not parse: only the type its path suggests is known. */
    public static FileFacts unparseable(String packageName, Optional<String> guessedType, String problem,
            Fingerprint codeFingerprint) {
        ImmutableList<DeclaredType> types = guessedType.map(name -> ImmutableList.of(new DeclaredType(name, TypeKind.CLASS,
                Optional.empty(), false, false, ImmutableList.of(), ImmutableList.of(), ImmutableSet.of(), ImmutableList.of(),
                ImmutableList.of())))
                .orElse(ImmutableList.of());
        return new FileFacts(packageName, types, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
                ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of(), Optional.of(problem), codeFingerprint, Fingerprint.NONE,
                ImmutableSet.of(), ImmutableSet.of());
    }

    /**
     * The facts of a file in {@code packageName} that declares, imports and writes nothing: what a stored graph takes
     * a new file's stored content to be, so that all it declares counts as added (see {@link #typesReshapedFrom}).
     */
    public static FileFacts empty(String packageName) {
        return new FileFacts(packageName, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
                ImmutableList.of(), ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of(), Optional.empty(), Fingerprint.NONE,
                Fingerprint.NONE, ImmutableSet.of(), ImmutableSet.of());
    }

    public boolean parsed() {
        return parseProblem.isEmpty();
    }

    /**
     * Whether these facts and {@code other} have the same {@link #graphInputs()}: compared in their stored form, which
     * holds every field (the records' own equality costs milliseconds on its first use in a fresh JVM).
     */
    public boolean sameGraphInputs(FileFacts other) {
        return Arrays.equals(FactsCodec.encode(graphInputs()), FactsCodec.encode(other.graphInputs()));
    }

    /**
     * When these facts and {@code other} differ in their {@link #graphInputs()} only in the words the file writes
     * (its {@link #identifiers()} and {@link #qualifiedNames()}): the words one writes and the other does not, every
     * segment of a qualified name counted as a word. Empty when anything else differs too.
     *
     * <p>A body edit that declares a local variable or calls another method changes only these. Name resolution
     * turns a word into a reference only when some project type has it as its simple name (see
     * {@link NameResolver}), so such an edit leaves the file's resolved names as they were unless one of the words
     * returned is a type's name; the test catalog reads a few words more (see {@link TestCatalog#readsWord}).
     */
    public Optional<Set<String>> wordsOnlyDifference(FileFacts other) {
        if (!sameBeside(other, Left.WORDS)) {
            return Optional.empty();
        }
        return Optional.of(wordsDifferingFrom(other));
    }

    /**
     * The words one of these facts writes and {@code other} does not, or the other way round, every segment of a
     * qualified name written by one only counted as a word (see {@link #wordsOnlyDifference}).
     */
    public Set<String> wordsDifferingFrom(FileFacts other) {
        Set<String> differ = new HashSet<>();
        addOnlyInFirst(identifiers, other.identifiers, differ);
        addOnlyInFirst(other.identifiers, identifiers, differ);
        // A qualified name is resolved as a whole: one written anew counts with all its segments, even those written before.
        Set<String> qualified = new HashSet<>();
        addOnlyInFirst(qualifiedNames, other.qualifiedNames, qualified);
        addOnlyInFirst(other.qualifiedNames, qualifiedNames, qualified);
        for (String name : qualified) {
            differ.addAll(Arrays.asList(name.split("\\.")));
        }
        return differ;
    }

    /**
     * Whether these facts and {@code other} have the same {@link #graphInputs()} but for the names written and imported,
     * the methods kept there (annotated, or named {@code test*}, which only the test catalog reads) and each type's
     * header (its annotations and tags, and the supertypes it names): then the file declares the same types, of the
     * same kinds, nested as before, and beside what its names resolve to only the catalog's entries of its types, their
     * supertypes, and the entries of the tests that read its types may differ, which {@code ReferencePatch} patches or
     * declines. An import, an {@code @Override} or a test method added, say, a {@code @Tag} put on a test class,
     * {@code @Deprecated} on a class, or a class that starts to implement an interface.
     */
    public boolean sameBesideNamesAndTypeHeaders(FileFacts other) {
        return sameBeside(other, Left.NAMES_AND_TYPE_HEADERS);
    }

    /**
     * When these facts declare other types than {@code before}, each type both declare declared as {@code before}
     * declares it and in the same order, their graph inputs otherwise differing at most in the names written and
     * imported: the types added and the types removed, told apart by name (each without its members, as in {@link
     * #graphInputs()}). Empty when anything else differs, a type of both changed or moved, a name is declared twice,
     * or the same types are declared.
     */
    public Optional<TypesReshaped> typesReshapedFrom(FileFacts before) {
        FileFacts now = graphInputs();
        FileFacts then = before.graphInputs();
        if (!Arrays.equals(FactsCodec.encode(now.without(Left.NAMES_AND_TYPES)), FactsCodec.encode(then.without(Left.NAMES_AND_TYPES)))) {
            return Optional.empty();
        }
        Map<String, DeclaredType> earlier = new HashMap<>();
        for (DeclaredType type : then.types) {
            if (earlier.put(type.name(), type) != null) {
                return Optional.empty();
            }
        }
        Set<String> declared = new HashSet<>();
        List<DeclaredType> added = new ArrayList<>();
        List<String> keptInOrder = new ArrayList<>();
        for (DeclaredType type : now.types) {
            if (!declared.add(type.name())) {
                return Optional.empty();
            }
            DeclaredType was = earlier.get(type.name());
            if (was == null) {
                added.add(type);
            } else if (Arrays.equals(FactsCodec.encode(type), FactsCodec.encode(was))) {
                // Compared as encoded, as the rest: a record's first equals in a fresh JVM sets up its method handles, 40 ms.
                keptInOrder.add(type.name());
            } else {
                return Optional.empty();
            }
        }
        List<DeclaredType> removed = new ArrayList<>();
        List<String> keptBefore = new ArrayList<>();
        for (DeclaredType type : then.types) {
            if (declared.contains(type.name())) {
                keptBefore.add(type.name());
            } else {
                removed.add(type);
            }
        }
        if (!keptBefore.equals(keptInOrder) || added.isEmpty() && removed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TypesReshaped(List.copyOf(added), List.copyOf(removed)));
    }

    /** The types a file declares beside those of its earlier content, and those it no longer declares. */
    public record TypesReshaped(List<DeclaredType> added, List<DeclaredType> removed) {
    }

    /** Whether these facts and {@code other} have the same {@link #graphInputs()} but for what {@code left} says. */
    private boolean sameBeside(FileFacts other, Left left) {
        return Arrays.equals(FactsCodec.encode(graphInputs().without(left)), FactsCodec.encode(other.graphInputs().without(left)));
    }

    /** What {@link #without} leaves out, each more than the one before. */
    private enum Left {
        /** The identifiers and qualified names. */
        WORDS,
        /**
         * The words, every kind of import, and the methods (those kept in the graph inputs: annotated, or named
         * test*), annotations, tags and supertypes of each type.
         */
        NAMES_AND_TYPE_HEADERS,
        /** The names and the types declared. */
        NAMES_AND_TYPES
    }

    /** These facts with what {@code left} says left out: for comparing two contents beside it. */
    private FileFacts without(Left left) {
        boolean names = left != Left.WORDS;
        return new FileFacts(packageName, left == Left.NAMES_AND_TYPES ? ImmutableList.of()
                        : left == Left.NAMES_AND_TYPE_HEADERS ? withoutMethodsAndHeaders(types) : types,
                names ? ImmutableList.of() : imports, names ? ImmutableList.of() : onDemandImports,
                names ? ImmutableList.of() : staticImports, names ? ImmutableList.of() : staticOnDemandImports,
                Set.of(), Set.of(), stringLiterals, parseProblem, codeFingerprint, skeletonFingerprint, annotationClassNames,
                stringWords);
    }

    private static ImmutableList<DeclaredType> withoutMethodsAndHeaders(List<DeclaredType> types) {
        ImmutableList.Builder<DeclaredType> declared = ImmutableList.builderWithExpectedSize(types.size());
        for (DeclaredType type : types) {
            declared.add(type.withoutHeader().with(ImmutableList.of(), type.members()));
        }
        return declared.build();
    }

    private static void addOnlyInFirst(Set<String> first, Set<String> second, Set<String> into) {
        for (String word : first) {
            if (!second.contains(word)) {
                into.add(word);
            }
        }
    }

    /**
     * These facts without what only member-level narrowing and the classification of a change read: the members of
     * each type (signatures, bodies' fingerprints and calls), the fingerprints of the whole code and of its skeleton,
     * and words written in string literals. The type universe, name resolution, the dependency graph and the test
     * catalog read nothing else of a file (the catalog reads the annotated and {@code test*} methods, which stay), so
     * two files with equal graph inputs give them the same content: a stored graph stays valid across an edit that
     * changes only what is left out here, most edits of a method body and a method added that is neither annotated
     * nor named {@code test*} (whose new words {@link #wordsOnlyDifference} then judges). A new field is kept here
     * unless it is added to the list above, which is the safe default.
     */
    public FileFacts graphInputs() {
        // Loops, not streams: this runs for a few files of a fresh JVM, where a stream's first use costs milliseconds.
        ImmutableList.Builder<DeclaredType> declared = ImmutableList.builderWithExpectedSize(types.size());
        for (DeclaredType type : types) {
            declared.add(type.with(type.methods(), ImmutableList.of()));
        }
        return new FileFacts(packageName, declared.build(), imports, onDemandImports, staticImports, staticOnDemandImports,
                identifiers, qualifiedNames, stringLiterals, parseProblem, Fingerprint.NONE, Fingerprint.NONE,
                annotationClassNames, Set.of());
    }
}
