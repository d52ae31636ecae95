package dev.tia.engine.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the names a file uses to project types, the way javac would but erring toward more.
 *
 * <p>Where the language picks one candidate (a single-type import shadows an on-demand one), this resolver keeps
 * every candidate that exists: each is a possible dependency, and dropping a real one would skip a test that
 * the change can break.
 */
public final class NameResolver {

    private final TypeUniverse universe;

    public NameResolver(TypeUniverse universe) {
        this.universe = universe;
    }

    /** Every project type that {@code file} may depend on, itself excluded. */
    public Set<TypeRef> references(IndexedFile file, Set<String> visibleModules) {
        return references(file.facts(), visibleModules);
    }

    /** Every project type that a file with {@code facts} may depend on, its own types excluded. */
    public Set<TypeRef> references(FileFacts facts, Set<String> visibleModules) {
        Set<String> names = new LinkedHashSet<>();
        Scope scope = new Scope(facts, supertypeNames(facts, visibleModules));
        facts.imports().forEach(i -> addPrefixes(i, names));
        facts.staticImports().forEach(i -> addPrefixes(i, names));
        facts.staticOnDemandImports().forEach(i -> addPrefixes(i, names));
        facts.onDemandImports().forEach(i -> addPrefixes(i, names));
        for (String identifier : facts.identifiers()) {
            names.addAll(scope.candidates(identifier));
        }
        for (String qualified : facts.qualifiedNames()) {
            addQualified(qualified, scope, names);
        }
        for (String literal : facts.stringLiterals()) {
            addPrefixes(literal.replace('$', '.'), names);
        }
        Set<String> own = new LinkedHashSet<>();
        facts.types().forEach(t -> own.add(t.name()));
        Set<TypeRef> refs = new LinkedHashSet<>();
        for (String name : names) {
            if (!own.contains(name)) {
                refs.addAll(universe.lookup(name, visibleModules));
            }
        }
        return refs;
    }

    /** The project types that {@code name}, written in {@code file}, may denote (for supertypes and annotations). */
    public Set<TypeRef> resolve(IndexedFile file, String name, Set<String> visibleModules) {
        return resolve(file.facts(), name, visibleModules);
    }

    /** The project types that {@code name}, written in a file with {@code facts}, may denote. */
    public Set<TypeRef> resolve(FileFacts facts, String name, Set<String> visibleModules) {
        if (name.indexOf('.') < 0 && !universe.hasSimpleName(name)) {
            return Set.of(); // no project type has this simple name (most annotations: Test, Override): nothing to look up
        }
        Set<String> names = new LinkedHashSet<>();
        Scope scope = new Scope(facts, Set.of());
        if (name.contains(".")) {
            addQualified(name, scope, names);
        } else {
            names.addAll(scope.candidates(name));
        }
        Set<TypeRef> refs = new LinkedHashSet<>();
        names.forEach(n -> refs.addAll(universe.lookup(n, visibleModules)));
        return refs;
    }

    /** The declarations of an exact canonical name visible from {@code visibleModules} (see {@link TypeUniverse#lookup}). */
    public List<TypeRef> lookup(String name, Set<String> visibleModules) {
        return universe.lookup(name, visibleModules);
    }

    private Set<String> supertypeNames(FileFacts facts, Set<String> visibleModules) {
        Set<String> supertypes = new LinkedHashSet<>();
        Scope scope = new Scope(facts, Set.of());
        for (DeclaredType type : facts.types()) {
            for (String supertype : type.supertypes()) {
                Set<String> names = new LinkedHashSet<>();
                if (supertype.contains(".")) {
                    addQualified(supertype, scope, names);
                } else {
                    names.addAll(scope.candidates(supertype));
                }
                names.stream().filter(universe::contains).forEach(supertypes::add);
            }
        }
        return supertypes;
    }

    /** {@code a.b.C.D}: every prefix that is a type, and the same through the first segment as a simple name. */
    private void addQualified(String qualified, Scope scope, Set<String> into) {
        addPrefixes(qualified, into);
        int dot = qualified.indexOf('.');
        String rest = qualified.substring(dot + 1);
        for (String head : scope.candidates(qualified.substring(0, dot))) {
            addPrefixes(head + "." + rest, into);
        }
    }

    private void addPrefixes(String qualified, Set<String> into) {
        String candidate = qualified;
        while (true) {
            if (universe.contains(candidate)) {
                into.add(candidate);
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return;
            }
            candidate = candidate.substring(0, dot);
        }
    }

    /** The places a simple name may come from in one file. */
    private final class Scope {
        private final List<String> containers = new ArrayList<>();
        private final List<String> singleImports;
        private final boolean packageLess;

        Scope(FileFacts facts, Set<String> supertypes) {
            facts.types().forEach(t -> containers.add(t.name()));
            if (!facts.packageName().isEmpty()) {
                containers.add(facts.packageName());
            }
            containers.addAll(facts.onDemandImports());
            containers.addAll(facts.staticOnDemandImports());
            containers.addAll(supertypes);
            singleImports = new ArrayList<>(facts.imports());
            singleImports.addAll(facts.staticImports());
            this.packageLess = facts.packageName().isEmpty();
        }

        List<String> candidates(String simpleName) {
            if (!universe.hasSimpleName(simpleName)) {
                return List.of();
            }
            List<String> found = new ArrayList<>();
            for (String container : containers) {
                String candidate = container + "." + simpleName;
                if (universe.contains(candidate)) {
                    found.add(candidate);
                }
            }
            for (String imported : singleImports) {
                if (imported.endsWith("." + simpleName) && universe.contains(imported)) {
                    found.add(imported);
                }
            }
            if (packageLess && universe.contains(simpleName)) {
                found.add(simpleName);
            }
            return found;
        }
    }
}
