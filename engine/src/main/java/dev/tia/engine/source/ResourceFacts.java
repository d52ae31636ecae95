package dev.tia.engine.source;

import com.google.common.collect.ImmutableSet;

import java.util.Optional;

/**
 * A resource file that names types: {@code META-INF/services/*}, Spring XML and factories, properties.
 *
 * @param test whether it lies in a test resource root
 * @param names qualified names found in its text ({@code $} already turned into {@code .})
 * @param serviceInterface for {@code META-INF/services/a.b.I}, the interface {@code a.b.I}
 * @param calledNames words written as calls ({@code name(}): templates and expression languages call methods by them
 */
public record ResourceFacts(String path, String module, boolean test, ImmutableSet<String> names,
        Optional<String> serviceInterface, ImmutableSet<String> calledNames) {
}
