package dev.tia.engine.graph;

import dev.tia.engine.source.Declaration;
import dev.tia.engine.source.IndexedFile;
import dev.tia.engine.source.NameResolver;
import dev.tia.engine.source.Resolutions;
import dev.tia.engine.source.ResourceFacts;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TypeRef;

import com.google.common.collect.Sets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What member-level narrowing needs from name resolution: each project type's project supertypes, whether it names
 * a supertype outside the project, and the types named in string literals and resources. Worked out from every file's
 * resolved names when a graph is built; kept with a stored graph, whose inputs decide it, so a walk over a stored
 * graph needs neither the type universe nor every file's resolved names (130 ms at 50k classes).
 */
abstract class TypeHierarchy {

    /** The project types {@code type} extends or implements, itself left out. */
    abstract List<TypeRef> supertypes(TypeRef type);

    /** Whether {@code type} extends or implements, as written, a type that is not the project's. */
    abstract boolean namesSupertypeOutsideProject(TypeRef type);

    /** Types named in string literals and resources: loaded by reflection, any method of theirs may be called. */
    final Set<TypeRef> namedInText() {
        return Sets.union(namedInLiterals(), namedInResources());
    }

    /** Types named in the files' string literals (which a patch of the stored graph never changes). */
    abstract Set<TypeRef> namedInLiterals();

    /** Types named in resources, kept apart so that a patch for edited resources can work them out again. */
    abstract Set<TypeRef> namedInResources();

    /**
     * Every type whose {@link #supertypes} may be non-empty, when known without asking each type (a stored hierarchy
     * lists them); empty when every type must be asked.
     */
    abstract Optional<Set<TypeRef>> typesWithSupertypes();

    /** Worked out type by type, as asked, from the files' resolved names. */
    static TypeHierarchy resolved(SourceIndex index, Resolutions resolutions, NameResolver resolver,
            Function<String, Set<String>> visibility) {
        return new Resolved(index, resolutions, resolver, visibility);
    }

    /**
     * As stored: each type's supertypes and whether it names one outside the project, read from its node where it
     * lies when asked (see {@link StoredNodes}); and the types named in text.
     */
    static TypeHierarchy stored(StoredNodes nodes, Set<TypeRef> namedInLiterals, Set<TypeRef> namedInResources) {
        return new TypeHierarchy() {
            @Override
            List<TypeRef> supertypes(TypeRef type) {
                return nodes.supertypes(type);
            }

            @Override
            boolean namesSupertypeOutsideProject(TypeRef type) {
                return nodes.namesSupertypeOutside(type);
            }

            @Override
            Set<TypeRef> namedInLiterals() {
                return namedInLiterals;
            }

            @Override
            Set<TypeRef> namedInResources() {
                return namedInResources;
            }

            @Override
            Optional<Set<TypeRef>> typesWithSupertypes() {
                return Optional.of(nodes.typesWithSupertypes());
            }
        };
    }

    /** A hierarchy that answers as {@code base} but where a patch overrides an answer (see the three below). */
    private abstract static class Over extends TypeHierarchy {
        final TypeHierarchy base;

        Over(TypeHierarchy base) {
            this.base = base;
        }

        @Override
        List<TypeRef> supertypes(TypeRef type) {
            return base.supertypes(type);
        }

        @Override
        boolean namesSupertypeOutsideProject(TypeRef type) {
            return base.namesSupertypeOutsideProject(type);
        }

        @Override
        Set<TypeRef> namedInLiterals() {
            return base.namedInLiterals();
        }

        @Override
        Set<TypeRef> namedInResources() {
            return base.namedInResources();
        }

        @Override
        Optional<Set<TypeRef>> typesWithSupertypes() {
            return base.typesWithSupertypes();
        }
    }

    /**
     * {@code base} with the answers of a patch (see {@link ReferencePatch}) for the types it adds or whose supertypes it
     * changes: their project supertypes, and whether they name one outside.
     */
    static TypeHierarchy with(TypeHierarchy base, Map<TypeRef, List<TypeRef>> supertypes, Map<TypeRef, Boolean> outside) {
        return new Over(base) {
            @Override
            List<TypeRef> supertypes(TypeRef type) {
                List<TypeRef> patched = supertypes.get(type);
                return patched != null ? patched : base.supertypes(type);
            }

            @Override
            boolean namesSupertypeOutsideProject(TypeRef type) {
                Boolean patched = outside.get(type);
                return patched != null ? patched : base.namesSupertypeOutsideProject(type);
            }

            @Override
            Optional<Set<TypeRef>> typesWithSupertypes() {
                return base.typesWithSupertypes().map(types -> Sets.union(supertypes.keySet(), types));
            }
        };
    }

    /**
     * {@code base} without {@code removed}, types no file declares any more (see {@link ReferencePatch}): they have no
     * supertypes, and are no other type's project supertype, as a type the project does not declare is none here.
     */
    static TypeHierarchy without(TypeHierarchy base, Set<TypeRef> removed) {
        return new Over(base) {
            @Override
            List<TypeRef> supertypes(TypeRef type) {
                if (removed.contains(type)) {
                    return List.of();
                }
                List<TypeRef> supertypes = base.supertypes(type);
                for (TypeRef supertype : supertypes) {
                    if (removed.contains(supertype)) {
                        List<TypeRef> kept = new ArrayList<>(supertypes);
                        kept.removeAll(removed);
                        return kept;
                    }
                }
                return supertypes;
            }

            @Override
            boolean namesSupertypeOutsideProject(TypeRef type) {
                return !removed.contains(type) && base.namesSupertypeOutsideProject(type);
            }

            @Override
            Optional<Set<TypeRef>> typesWithSupertypes() {
                return base.typesWithSupertypes().map(types -> Sets.difference(types, removed));
            }
        };
    }

    /** {@code base} with the types resources name now (see {@link ResourcePatch}). */
    static TypeHierarchy withNamedInResources(TypeHierarchy base, Set<TypeRef> namedInResources) {
        return new Over(base) {
            @Override
            Set<TypeRef> namedInResources() {
                return namedInResources;
            }
        };
    }

    private static final class Resolved extends TypeHierarchy {
        private final SourceIndex index;
        private final Map<TypeRef, Declaration> owners;
        private final Resolutions resolutions;
        private final NameResolver resolver;
        private final Function<String, Set<String>> visibility;
        private Set<TypeRef> namedInLiterals;
        private Set<TypeRef> namedInResources;

        Resolved(SourceIndex index, Resolutions resolutions, NameResolver resolver, Function<String, Set<String>> visibility) {
            this.index = index;
            this.owners = index.declarations();
            this.resolutions = resolutions;
            this.resolver = resolver;
            this.visibility = visibility;
        }

        @Override
        List<TypeRef> supertypes(TypeRef type) {
            Declaration owner = owners.get(type);
            List<TypeRef> found = new ArrayList<>();
            if (owner != null) {
                for (TypeRef candidate : resolutions.of(owner.number()).supertypesOf(owner.type().name())) {
                    if (!candidate.equals(type) && owners.containsKey(candidate)) {
                        found.add(candidate);
                    }
                }
            }
            return found;
        }

        @Override
        boolean namesSupertypeOutsideProject(TypeRef type) {
            Declaration owner = owners.get(type);
            if (owner == null) {
                return false; // a type only the change's base declares: it names nothing here
            }
            for (String name : owner.type().supertypes()) {
                if (resolver.resolve(owner.file(), name, visibility.apply(owner.file().module())).isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        Optional<Set<TypeRef>> typesWithSupertypes() {
            return Optional.empty();
        }

        @Override
        Set<TypeRef> namedInLiterals() {
            if (namedInLiterals == null) {
                Set<TypeRef> named = new HashSet<>();
                for (IndexedFile file : index.files()) {
                    if (!file.facts().stringLiterals().isEmpty()) {
                        addNamedInText(named, file.facts().stringLiterals(), visibility.apply(file.module()));
                    }
                }
                namedInLiterals = named;
            }
            return namedInLiterals;
        }

        @Override
        Set<TypeRef> namedInResources() {
            if (namedInResources == null) {
                Set<TypeRef> named = new HashSet<>();
                for (ResourceFacts resource : index.resources()) {
                    addNamedInText(named, resource.names(), visibility.apply(resource.module()));
                }
                namedInResources = named;
            }
            return namedInResources;
        }

        private void addNamedInText(Set<TypeRef> named, Collection<String> names, Set<String> visible) {
            TypeHierarchy.addNamedInText(named, names, visible, resolver);
        }
    }

    /** The types {@code names} name as text does: each name and each of its qualified prefixes ({@code a.b.C.field}). */
    static void addNamedInText(Set<TypeRef> named, Collection<String> names, Set<String> visible, NameResolver resolver) {
        for (String name : names) {
            String candidate = name.replace('$', '.');
            while (candidate.indexOf('.') > 0) {
                named.addAll(resolver.lookup(candidate, visible));
                candidate = candidate.substring(0, candidate.lastIndexOf('.'));
            }
        }
    }

    /**
     * The project supertypes of each declared type that has any, for storing. A type that names no supertype has
     * none, and is passed over without a lookup (most types, and a store written at 50k classes spent 40 ms here).
     */
    Map<TypeRef, List<TypeRef>> supertypesOf(Map<TypeRef, Declaration> declarations) {
        Map<TypeRef, List<TypeRef>> all = new HashMap<>();
        for (Map.Entry<TypeRef, Declaration> declared : declarations.entrySet()) {
            if (!declared.getValue().type().supertypes().isEmpty()) {
                List<TypeRef> supertypes = supertypes(declared.getKey());
                if (!supertypes.isEmpty()) {
                    all.put(declared.getKey(), supertypes);
                }
            }
        }
        return all;
    }

    /** The declared types that name a supertype outside the project, for storing. */
    Set<TypeRef> namingSupertypesOutside(Map<TypeRef, Declaration> declarations) {
        Set<TypeRef> outside = new HashSet<>();
        for (Map.Entry<TypeRef, Declaration> declared : declarations.entrySet()) {
            if (!declared.getValue().type().supertypes().isEmpty() && namesSupertypeOutsideProject(declared.getKey())) {
                outside.add(declared.getKey());
            }
        }
        return outside;
    }
}
