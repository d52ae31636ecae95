package dev.tia.engine.source;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The test classes of the project, with their tags. */
public final class TestCatalog {

    /** JUnit Jupiter and JUnit 4 annotations that make a method a test. */
    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest",
            "TestFactory", "TestTemplate", "Property", "Example");
    /**
     * Annotations of tests that start a whole application context (component scanning, CDI) or scan classes:
     * such a test runs code it never names, so any main change of its module reaches it.
     */
    private static final Set<String> WHOLE_MODULE_ANNOTATIONS = Set.of("SpringBootTest", "ContextConfiguration",
            "SpringJUnitConfig", "SpringJUnitWebConfig", "WebMvcTest", "WebFluxTest", "DataJpaTest", "DataJdbcTest",
            "DataMongoTest", "DataR2dbcTest", "JdbcTest", "JsonTest", "RestClientTest", "GraphQlTest", "QuarkusTest",
            "QuarkusIntegrationTest", "MicronautTest", "AnalyzeClasses");
    /** Identifiers of class-scanning APIs a test may call directly. */
    private static final Set<String> SCANNING_IDENTIFIERS = Set.of("ClassFileImporter", "AnalyzeClasses", "Reflections",
            "ClassPathScanningCandidateComponentProvider", "ClassGraph");

    /** Annotations that make a class a suite that runs tests of its own choosing. */
    private static final Set<String> SUITE_ANNOTATIONS = Set.of("Suite", "RunWith", "SelectClasses", "SelectPackages");

    private final ImmutableMap<TypeRef, TestClass> tests;

    private TestCatalog(ImmutableMap<TypeRef, TestClass> tests) {
        this.tests = tests;
    }

    /**
     * Whether the catalog reads {@code word} where a file writes it (an identifier of a class-scanning API): besides
     * the annotations and supertypes, the only word of a file's code the catalog looks at, so an edit that writes
     * other words than before, none of them this or a project type's name, leaves the catalog as it was.
     */
    public static boolean readsWord(String word) {
        return SCANNING_IDENTIFIERS.contains(word);
    }

    /** @param resolutions every file's resolved names, for the project supertypes of test classes */
    public static TestCatalog build(SourceIndex index, Resolutions resolutions, NameResolver resolver, VisibleModules visibility) {
        return new Builder(index, resolutions, resolver, visibility).build();
    }

    /**
     * The entries a build makes for the types of {@code file}, from {@code files}: the file itself and the files of
     * every project type above its types (their supertypes and the annotations on them and on their methods, and so
     * on up), which the caller finds. An entry reads nothing else (see the builder: supertypes, annotations and
     * meta-annotations, nested types, the file's identifiers), so each is made as {@link #build} makes it: what a
     * stored catalog takes in for a new file of test sources. In the file's order, as the catalog's.
     *
     * @param files in the index's order, {@code file} among them
     * @param resolver resolves every name these files write as the build's resolver does
     */
    public static ImmutableMap<TypeRef, TestClass> entriesOf(IndexedFile file, List<IndexedFile> files, NameResolver resolver,
            VisibleModules visibility) {
        FileResolution[] resolved = new FileResolution[files.size()];
        for (int number = 0; number < files.size(); number++) {
            IndexedFile each = files.get(number);
            resolved[number] = FileResolution.of(each, resolver, visibility.from(each.module()));
        }
        Resolutions resolutions = new Resolutions(resolved, 0, files.size());
        ImmutableMap.Builder<TypeRef, TestClass> entries = ImmutableMap.builder();
        new Builder(SourceIndex.of(files), resolutions, resolver, visibility).build().tests().forEach((type, test) -> {
            if (test.path().equals(file.path())) {
                entries.put(type, test);
            }
        });
        return entries.buildOrThrow();
    }

    /** A catalog as stored by an earlier run, in its order. */
    public static TestCatalog of(ImmutableMap<TypeRef, TestClass> tests) {
        return new TestCatalog(tests);
    }

    public ImmutableMap<TypeRef, TestClass> tests() {
        return tests;
    }

    /** Which modules a module can see; supplied by the project layer. */
    @FunctionalInterface
    public interface VisibleModules {
        Set<String> from(String module);
    }

    /** One test method as the catalog sees it: its effective tags. */
    private record TestMethod(Set<String> tags) {
        static final TestMethod UNTAGGED = new TestMethod(Set.of());
    }

    private static final class Builder {
        private final Resolutions resolutions;
        private final NameResolver resolver;
        private final VisibleModules visibility;
        /** Every project type declared at head, shared with the universe (see {@link SourceIndex#declarations()}). */
        private final Map<TypeRef, Declaration> declarations;
        // Sized for an entry per test type: growing them was a third of the catalog's time in a warmed-up JVM (10k classes).
        private final Map<TypeRef, List<TestMethod>> methodMemo;
        private final Map<TypeRef, Set<String>> tagMemo;
        private final List<TypeRef> testTypes;

        Builder(SourceIndex index, Resolutions resolutions, NameResolver resolver, VisibleModules visibility) {
            this.resolutions = resolutions;
            this.resolver = resolver;
            this.visibility = visibility;
            this.declarations = index.declarations();
            this.testTypes = testTypes();
            this.methodMemo = new HashMap<>(testTypes.size() * 2);
            this.tagMemo = new HashMap<>(testTypes.size() * 2);
        }

        /** Types declared in test sources, in index order: only they can be test classes. */
        private List<TypeRef> testTypes() {
            List<TypeRef> testTypes = new ArrayList<>();
            declarations.forEach((ref, declaration) -> {
                if (declaration.file().test()) {
                    testTypes.add(ref);
                }
            });
            return testTypes;
        }

        /** The types declared inside {@code outer}: always in its file. */
        private List<TypeRef> nestedTypes(TypeRef outer) {
            List<TypeRef> nested = new ArrayList<>();
            for (DeclaredType type : declarations.get(outer).file().facts().types()) {
                if (type.enclosing().filter(outer.name()::equals).isPresent()) {
                    nested.add(new TypeRef(outer.module(), type.name()));
                }
            }
            return nested;
        }

        private DeclaredType type(TypeRef ref) {
            Declaration declaration = declarations.get(ref);
            return declaration == null ? null : declaration.type();
        }

        private IndexedFile file(TypeRef ref) {
            return declarations.get(ref).file();
        }

        TestCatalog build() {
            Map<TypeRef, TestClass> tests = new LinkedHashMap<>(testTypes.size() * 2);
            for (TypeRef ref : testTypes) {
                DeclaredType type = type(ref);
                IndexedFile file = file(ref);
                if (!type.isTopLevel() || type.isAbstract() || type.kind() != TypeKind.CLASS) {
                    continue;
                }
                List<TestMethod> methods = testMethods(ref, new HashSet<>());
                boolean suite = type.annotations().stream().anyMatch(a -> SUITE_ANNOTATIONS.contains(simple(a)));
                if (methods.isEmpty() && !suite) {
                    continue;
                }
                ImmutableSortedSet<String> classTags = ImmutableSortedSet.copyOf(classTags(ref, new HashSet<>()));
                Set<String> common = methods.isEmpty() ? Set.of() : commonTags(methods);
                ImmutableSortedSet<String> onEvery = common.isEmpty() || classTags.containsAll(common) ? classTags
                        : ImmutableSortedSet.<String>naturalOrder().addAll(classTags).addAll(common).build();
                boolean scans = scansClasses(ref, new HashSet<>());
                tests.put(ref, new TestClass(ref, file.path(), classTags, onEvery,
                        scans || startsWholeContext(ref, new HashSet<>()), scans));
            }
            return new TestCatalog(ImmutableMap.copyOf(tests));
        }

        /** The tags every one of {@code methods} carries. */
        private static Set<String> commonTags(List<TestMethod> methods) {
            Set<String> first = methods.get(0).tags();
            if (first.isEmpty()) {
                return Set.of(); // the usual case: untagged methods
            }
            Set<String> common = new TreeSet<>(first);
            methods.forEach(m -> common.retainAll(m.tags()));
            return common;
        }

        /** Test methods of {@code ref}: its own, its project supertypes', and those of its {@code @Nested} classes. */
        private List<TestMethod> testMethods(TypeRef ref, Set<TypeRef> visiting) {
            List<TestMethod> memo = methodMemo.get(ref);
            if (memo != null) {
                return memo;
            }
            if (!visiting.add(ref)) {
                return List.of();
            }
            DeclaredType type = type(ref);
            IndexedFile file = file(ref);
            List<TestMethod> methods = new ArrayList<>();
            boolean junit3 = !type.supertypes().isEmpty() && extendsTestCase(ref, new HashSet<>());
            for (MethodFacts method : type.methods()) {
                if (isTest(file, method, junit3)) {
                    Set<String> tags = method.tags();
                    for (String annotation : method.annotations()) {
                        Set<String> meta = metaTags(file, annotation);
                        if (!meta.isEmpty()) {
                            tags = new TreeSet<>(tags);
                            tags.addAll(meta);
                        }
                    }
                    methods.add(tags.isEmpty() ? TestMethod.UNTAGGED : new TestMethod(tags));
                }
            }
            for (TypeRef supertype : supertypes(ref)) {
                methods.addAll(testMethods(supertype, visiting));
            }
            for (TypeRef nested : nestedTypes(ref)) {
                if (type(nested).hasAnnotation("Nested")) {
                    Set<String> nestedTags = classTags(nested, new HashSet<>());
                    for (TestMethod method : testMethods(nested, visiting)) {
                        Set<String> tags = new TreeSet<>(method.tags());
                        tags.addAll(nestedTags);
                        methods.add(new TestMethod(tags));
                    }
                }
            }
            visiting.remove(ref);
            methodMemo.put(ref, methods);
            return methods;
        }

        /**
         * Whether the test or a project supertype carries an annotation that starts a whole context (see above);
         * with {@link #scansClasses} what makes it load the whole module.
         */
        private boolean startsWholeContext(TypeRef ref, Set<TypeRef> visiting) {
            if (!visiting.add(ref)) {
                return false;
            }
            DeclaredType type = type(ref);
            IndexedFile file = file(ref);
            for (String annotation : type.annotations()) {
                if (WHOLE_MODULE_ANNOTATIONS.contains(simple(annotation))
                        || isMetaAnnotatedWith(file, annotation, WHOLE_MODULE_ANNOTATIONS, new HashSet<>())) {
                    return true;
                }
            }
            for (TypeRef supertype : supertypes(ref)) {
                if (startsWholeContext(supertype, visiting)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the test or a project supertype scans classes (ArchUnit, Reflections, ClassGraph). */
        private boolean scansClasses(TypeRef ref, Set<TypeRef> visiting) {
            if (!visiting.add(ref)) {
                return false;
            }
            return namesAScanner(file(ref))
                    || supertypes(ref).stream().anyMatch(s -> scansClasses(s, visiting));
        }

        /** Whether the file names a class-scanning library (a few lookups in its identifiers, not a pass over them). */
        private static boolean namesAScanner(IndexedFile file) {
            Set<String> identifiers = file.facts().identifiers();
            for (String scanner : SCANNING_IDENTIFIERS) {
                if (identifiers.contains(scanner)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a project annotation named {@code annotation} carries one of {@code names}, at any depth. */
        private boolean isMetaAnnotatedWith(IndexedFile file, String annotation, Set<String> names, Set<TypeRef> visiting) {
            for (TypeRef ref : resolver.resolve(file, annotation, visibility.from(file.module()))) {
                DeclaredType declared = type(ref);
                if (declared != null && declared.kind() == TypeKind.ANNOTATION && visiting.add(ref)
                        && declared.annotations().stream().anyMatch(m -> names.contains(simple(m))
                                || isMetaAnnotatedWith(file(ref), m, names, visiting))) {
                    return true;
                }
            }
            return false;
        }

        /** Tags of the type, its meta-annotations and its project supertypes ({@code @Tag} is inherited). */
        private Set<String> classTags(TypeRef ref, Set<TypeRef> visiting) {
            Set<String> memo = tagMemo.get(ref);
            if (memo != null) {
                return memo;
            }
            if (!visiting.add(ref)) {
                return Set.of();
            }
            DeclaredType type = type(ref);
            IndexedFile file = file(ref);
            Set<String> tags = new TreeSet<>(type.tags());
            type.annotations().forEach(a -> tags.addAll(metaTags(file, a)));
            for (TypeRef supertype : supertypes(ref)) {
                tags.addAll(classTags(supertype, visiting));
            }
            visiting.remove(ref);
            tagMemo.put(ref, tags);
            return tags;
        }

        /** Whether {@code method} is a test: a test annotation, direct or meta, or JUnit 3's naming. */
        private boolean isTest(IndexedFile file, MethodFacts method, boolean junit3) {
            for (String annotation : method.annotations()) {
                // Most are JUnit's own: known by name, without looking for a project annotation.
                if (TEST_ANNOTATIONS.contains(simple(annotation)) || isTestAnnotation(file, annotation, new HashSet<>())) {
                    return true;
                }
            }
            return junit3 && method.name().startsWith("test") && method.annotations().isEmpty();
        }

        /** {@link #metaTags(IndexedFile, String, Set)} from the start of a walk. */
        private Set<String> metaTags(IndexedFile file, String annotation) {
            return metaTags(file, annotation, new HashSet<>());
        }

        /** Tags that a project annotation named {@code annotation} carries, through any depth of meta-annotation. */
        private Set<String> metaTags(IndexedFile file, String annotation, Set<TypeRef> visiting) {
            Set<TypeRef> candidates = resolver.resolve(file, annotation, visibility.from(file.module()));
            if (candidates.isEmpty()) {
                return Set.of(); // not a project annotation (@Test, @Override): it carries no project tags
            }
            Set<String> tags = new TreeSet<>();
            for (TypeRef ref : candidates) {
                DeclaredType declared = type(ref);
                if (declared == null || declared.kind() != TypeKind.ANNOTATION || !visiting.add(ref)) {
                    continue;
                }
                tags.addAll(declared.tags());
                for (String meta : declared.annotations()) {
                    tags.addAll(metaTags(file(ref), meta, visiting));
                }
            }
            return tags;
        }

        private boolean isTestAnnotation(IndexedFile file, String annotation, Set<TypeRef> visiting) {
            if (TEST_ANNOTATIONS.contains(simple(annotation))) {
                return true;
            }
            for (TypeRef ref : resolver.resolve(file, annotation, visibility.from(file.module()))) {
                DeclaredType declared = type(ref);
                if (declared != null && declared.kind() == TypeKind.ANNOTATION && visiting.add(ref)
                        && declared.annotations().stream().anyMatch(m -> isTestAnnotation(file(ref), m, visiting))) {
                    return true;
                }
            }
            return false;
        }

        private boolean extendsTestCase(TypeRef ref, Set<TypeRef> visiting) {
            if (!visiting.add(ref)) {
                return false;
            }
            DeclaredType type = type(ref);
            if (type.supertypes().stream().anyMatch(s -> simple(s).equals("TestCase"))) {
                return true;
            }
            return supertypes(ref).stream().anyMatch(s -> extendsTestCase(s, visiting));
        }

        private List<TypeRef> supertypes(TypeRef ref) {
            DeclaredType type = type(ref);
            if (type.supertypes().isEmpty()) {
                return List.of();
            }
            List<TypeRef> supertypes = new ArrayList<>();
            for (TypeRef candidate : resolutions.of(declarations.get(ref).number()).supertypesOf(type.name())) {
                if (declarations.containsKey(candidate) && !candidate.equals(ref)) {
                    supertypes.add(candidate);
                }
            }
            return supertypes;
        }

        private static String simple(String name) {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
