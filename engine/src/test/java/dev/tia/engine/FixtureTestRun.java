package dev.tia.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

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
        Path classes = workDir.resolve("classes");
        compile(project, classes);
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

    private static void compile(Path project, Path classes) {
        try {
            Files.createDirectories(classes);
            List<Path> sources;
            try (Stream<Path> files = Files.walk(project)) {
                sources = files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> p.toString().contains("/src/main/java/") || p.toString().contains("/src/test/java/"))
                        .toList();
            }
            try (Stream<Path> files = Files.walk(project)) {
                for (Path resource : files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().contains("/src/main/resources/") || p.toString().contains("/src/test/resources/"))
                        .toList()) {
                    String path = resource.toString();
                    String relative = path.substring(path.indexOf("/resources/") + "/resources/".length());
                    Path target = classes.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.copy(resource, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
                List<String> options = List.of("-d", classes.toString(), "-classpath", junitClasspath(), "-proc:none", "-nowarn");
                boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
                if (!ok) {
                    throw new IllegalStateException("fixture does not compile: " + diagnostics.getDiagnostics());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars of the JUnit API the fixture's tests compile against, found from the classes this JVM loaded. */
    private static String junitClasspath() {
        return Stream.of(org.junit.jupiter.api.Test.class, org.junit.jupiter.params.ParameterizedTest.class,
                        org.apiguardian.api.API.class, org.opentest4j.AssertionFailedError.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct().collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
