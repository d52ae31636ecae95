package dev.tia.engine.select;

import com.google.common.collect.ImmutableList;

/**
 * The decision for one test class.
 *
 * @param module the module's folder (its artifactId at the repository root)
 * @param reason one line: the chain {@code file -> type -> ... -> test} for an affected test, or why not
 */
public record TestResult(String className, String module, TestStatus status, ImmutableList<String> tags, String reason) {
}
