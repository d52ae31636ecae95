package dev.tia.engine.source;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * A method that carries annotations (the only ones that can be tests), or a JUnit 3 style {@code testX()}.
 *
 * @param annotations annotation names as written ({@code Test}, {@code org.junit.Test}, {@code EndToEnd})
 * @param tags values of {@code @Tag}/{@code @Tags} on the method
 */
public record MethodFacts(String name, ImmutableList<String> annotations, ImmutableSet<String> tags) {
}
