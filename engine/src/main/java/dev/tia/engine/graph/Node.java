package dev.tia.engine.graph;

import dev.tia.engine.source.TypeRef;

/**
 * A vertex of the impact graph; edges point from a cause to what it affects.
 *
 * <p>Every node writes out {@code equals} and {@code hashCode} with the values a record derives (see {@link TypeRef}):
 * the records' generated methods go through method handles, slow in the C1-compiled short-lived process, and the
 * first call of each record's spins classes for them (22 of them for the module nodes of a run with no change, a few
 * milliseconds).
 */
public sealed interface Node {

    /** How the node reads in an explanation chain. */
    String label();

    /** A changed (or unparseable) file: where every chain starts. */
    record File(String path) implements Node {
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof File that && path.equals(that.path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }

        @Override
        public String label() {
            return path;
        }
    }

    /** A project type. */
    record Type(TypeRef type) implements Node {
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Type that && type.equals(that.type);
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }

        @Override
        public String label() {
            return type.name();
        }
    }

    /**
     * A method of a project type ({@code signature} as {@code name(Type,Type)}), or its code outside methods
     * ({@code <init>}): member-level chains run through these before they reach a type.
     */
    record Member(TypeRef type, String signature) implements Node {
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Member that && signature.equals(that.signature) && type.equals(that.type);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + signature.hashCode();
        }

        @Override
        public String label() {
            return type.name() + "#" + signature;
        }
    }

    /** A whole module: its tests, and everything of the modules that depend on it or inherit its pom. */
    record Module(String path, String displayName) implements Node {
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Module that && path.equals(that.path) && displayName.equals(that.displayName);
        }

        @Override
        public int hashCode() {
            return 31 * path.hashCode() + displayName.hashCode();
        }

        @Override
        public String label() {
            return "module " + displayName;
        }
    }

    /**
     * What a module builds (its main code and, through its dependencies, theirs): integration tests run the built
     * artifact, context tests load all of it, so every main type of the module and its dependencies reaches them.
     */
    record Artifact(String path, String displayName) implements Node {
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Artifact that && path.equals(that.path) && displayName.equals(that.displayName);
        }

        @Override
        public int hashCode() {
            return 31 * path.hashCode() + displayName.hashCode();
        }

        @Override
        public String label() {
            return "artifact of " + displayName;
        }
    }

    /**
     * The class structure of a module's artifact (which classes use which): what class-scanning tests such as ArchUnit
     * read. A change inside a method body reaches it even when no test runs the method.
     */
    record Structure(String path, String displayName) implements Node {
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Structure that && path.equals(that.path) && displayName.equals(that.displayName);
        }

        @Override
        public int hashCode() {
            return 31 * path.hashCode() + displayName.hashCode();
        }

        @Override
        public String label() {
            return "class structure of " + displayName;
        }
    }

    /** The tests of one module only (test resources, files tests read from the module folder). */
    record ModuleTests(String path, String displayName) implements Node {
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof ModuleTests that && path.equals(that.path) && displayName.equals(that.displayName);
        }

        @Override
        public int hashCode() {
            return 31 * path.hashCode() + displayName.hashCode();
        }

        @Override
        public String label() {
            return "tests of " + displayName;
        }
    }
}
