package dev.tia.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import dev.tia.fixtures.FixtureCompiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;


import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Compiles every module of a fixture checkout (main and test sources, resources copied) and runs all its tests
 * with the real JUnit Platform launcher: the oracle that tells which tests a change actually breaks.
 */
final class FixtureTestRun {

    private FixtureTestRun() {
    }

    /** The top-level test classes that failed, by simple name. */
    static Set<String> failingTestClasses(Path project, Path workDir) {
        Path classes = FixtureCompiler.compile(project, workDir.resolve("classes"), List.of(org.junit.jupiter.api.Test.class,
                org.junit.jupiter.params.ParameterizedTest.class, org.apiguardian.api.API.class, org.opentest4j.AssertionFailedError.class,
                org.junit.platform.suite.api.Suite.class, org.junit.Test.class, org.hamcrest.Matcher.class));
        List<String> failed = new ArrayList<>();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, FixtureTestRun.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Launcher launcher = LauncherFactory.create();
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(classes))).build();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        test.getSource().flatMap(FixtureTestRun::className).ifPresent(failed::add);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return failed.stream().map(FixtureTestRun::topLevelSimpleName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static java.util.Optional<String> className(TestSource source) {
        if (source instanceof MethodSource method) {
            return java.util.Optional.of(method.getClassName());
        }
        if (source instanceof ClassSource type) {
            return java.util.Optional.of(type.getClassName());
        }
        return java.util.Optional.empty();
    }

    private static String topLevelSimpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int dollar = simple.indexOf('$');
        return dollar < 0 ? simple : simple.substring(0, dollar);
    }
}
