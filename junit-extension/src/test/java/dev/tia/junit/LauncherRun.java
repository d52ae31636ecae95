package dev.tia.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureCompiler;
import dev.tia.fixtures.FixtureRepo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A real JUnit Platform launcher run over the compiled shop fixture, in this JVM, with tia's extension
 * registered the way users get it: through ServiceLoader.
 */
final class LauncherRun {

    /** What ran: test methods as {@code SimpleClass#method}, and what tia printed. */
    record Result(Set<String> tests, Set<String> classes, String out, String err) {
    }

    private LauncherRun() {
    }

    /** The shop fixture with {@code step} applied (none when null), compiled into {@code dir/classes}. */
    static Path shop(Path dir, String step) {
        Path repo = dir.resolve("shop");
        try (FixtureRepo fixture = FixtureRepo.create("shop", repo)) {
            if (step != null) {
                fixture.apply(ChangeStep.named("shop", step));
            }
        }
        return repo;
    }

    static Path compile(Path repo, Path classes) {
        return FixtureCompiler.compile(repo, classes, List.of(org.junit.jupiter.api.Test.class,
                org.junit.jupiter.params.ParameterizedTest.class, org.apiguardian.api.API.class,
                org.opentest4j.AssertionFailedError.class, org.junit.platform.suite.api.Suite.class, org.junit.Test.class,
                org.hamcrest.Matcher.class));
    }

    static Result run(Path classes, String packageName, Map<String, String> parameters) {
        Set<String> tests = new TreeSet<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ClassLoader originalLoader = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, LauncherRun.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(classes)))
                    .filters(PackageNameFilter.includePackageNames(packageName))
                    .configurationParameters(parameters)
                    .build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                            if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
                                String simple = method.getClassName().substring(method.getClassName().lastIndexOf('.') + 1);
                                tests.add(simple + "#" + method.getMethodName());
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            Thread.currentThread().setContextClassLoader(originalLoader);
        }
        Set<String> testClasses = new TreeSet<>();
        tests.forEach(t -> {
            String className = t.substring(0, t.indexOf('#'));
            testClasses.add(className.contains("$") ? className.substring(0, className.indexOf('$')) : className);
        });
        String printedOut = out.toString(StandardCharsets.UTF_8);
        String printedErr = err.toString(StandardCharsets.UTF_8);
        originalOut.print(printedOut);
        originalErr.print(printedErr);
        return new Result(tests, testClasses, printedOut, printedErr);
    }
}
