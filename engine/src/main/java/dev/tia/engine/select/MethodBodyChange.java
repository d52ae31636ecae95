package dev.tia.engine.select;

import com.google.common.collect.ImmutableList;

import dev.tia.engine.graph.Node;
import dev.tia.engine.project.MavenModule;
import dev.tia.engine.source.DeclaredType;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.Fingerprint;
import dev.tia.engine.source.MemberFacts;
import dev.tia.engine.source.TypeRef;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An edit of a Java file confined to method bodies: every signature, field, constructor, initializer, annotation,
 * supertype and nested type is as it was, and only the listed methods' bodies differ.
 *
 * @param methods the changed methods, each as its type's canonical name and its signature
 */
record MethodBodyChange(ImmutableList<Method> methods) {

    /** A method by its type's canonical name and its signature. */
    record Method(String type, String signature) {
        String label() {
            return type + "#" + signature;
        }

        // Written out: a record's own equals and hashCode set up method handles on their first call, 40-60 ms of the
        // fresh JVM of a warm run whose only change is a method body (the common edit).
        @Override
        public boolean equals(Object other) {
            return other instanceof Method method && type.equals(method.type) && signature.equals(method.signature);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + signature.hashCode();
        }
    }

    /** The change from {@code base} to {@code head} when it is confined to method bodies; empty otherwise. */
    static Optional<MethodBodyChange> between(FileFacts base, FileFacts head) {
        if (!base.parsed() || !head.parsed() || !base.skeletonFingerprint().sameCodeAs(head.skeletonFingerprint())) {
            return Optional.empty();
        }
        Map<Method, Fingerprint> before = bodies(base);
        Map<Method, Fingerprint> after = bodies(head);
        if (!before.keySet().equals(after.keySet())) {
            return Optional.empty();
        }
        ImmutableList<Method> changed = after.entrySet().stream()
                .filter(e -> !Objects.equals(before.get(e.getKey()), e.getValue()))
                .map(Map.Entry::getKey).collect(ImmutableList.toImmutableList());
        // Same skeleton and same bodies but different code: something tia did not cut apart; judge the whole class.
        return changed.isEmpty() ? Optional.empty() : Optional.of(new MethodBodyChange(changed));
    }

    private static Map<Method, Fingerprint> bodies(FileFacts facts) {
        Map<Method, Fingerprint> bodies = new LinkedHashMap<>();
        for (DeclaredType type : facts.types()) {
            for (MemberFacts member : type.members()) {
                if (member.isMethod()) {
                    bodies.put(new Method(type.name(), member.signature()), member.bodyFingerprint());
                }
            }
        }
        return bodies;
    }

    /** The changed methods, and the module's class structure: a body edit can add or drop a use of another class. */
    FileEffect effect(String path, MavenModule module) {
        ImmutableList<Node> seeds = ImmutableList.<Node>builder()
                .addAll(methods.stream().map(m -> new Node.Member(new TypeRef(module.path(), m.type()), m.signature())).toList())
                .add(new Node.Structure(module.path(), module.displayName()))
                .build();
        return new FileEffect(path, Effect.MEMBERS, "changes only the bodies of "
                + methods.stream().map(Method::label).collect(Collectors.joining(", ")), seeds);
    }
}
