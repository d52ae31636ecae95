package dev.tia.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The extension on the oldest and newest JUnit it supports: the real console launcher of each version, in its
 * own JVM, with the published (shaded) extension jar alone on the class path, as a user would add it.
 */
class JunitVersionsIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "JUnit Platform {0}")
    @ValueSource(strings = {"junit.oldest.standalone", "junit.newest.standalone"})
    void selectsTestsOnThisJunitVersion(String versionProperty) throws Exception {
        String version = System.getProperty(versionProperty);
        Path launcher = Path.of(System.getProperty("junit.launchers"), "junit-platform-console-standalone-" + version + ".jar");
        Path repo = LauncherRun.shop(dir, "12-test-only");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        String classpath = String.join(File.pathSeparator, classes.toString(), System.getProperty("extension.jar"));
        Path reports = dir.resolve("reports");

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", launcher.toString(), "execute", "--disable-banner", "--details=none",
                "--class-path", classpath, "--select-package", "com.example.checkout",
                "--config", "tia.affected=true", "--config", "tia.projectDir=" + repo.resolve("services/checkout"),
                "--reports-dir", reports.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        // Only the edited CartServiceTest runs (the console launcher's default class name pattern leaves out
        // CheckoutSuite); the other four test classes of checkout are proven unaffected.
        assertThat(executedTests(reports)).as(output).containsExactly("com.example.checkout.CartServiceTest#sumsLinesWithBulkDiscount");
        assertThat(output).contains("tia: ran 1 of 5 test classes \u2014 4 skipped as unaffected (base main@");
    }

    /** Test cases in the launcher's legacy XML reports, as {@code class#method}. */
    private static Set<String> executedTests(Path reports) throws Exception {
        Pattern testcase = Pattern.compile("<testcase name=\"([^\"(]+)\\(?[^\"]*\" classname=\"([^\"]+)\"");
        Set<String> tests = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".xml")).toList();
        }
        for (Path file : files) {
            Matcher matcher = testcase.matcher(Files.readString(file));
            while (matcher.find()) {
                tests.add(matcher.group(2) + "#" + matcher.group(1));
            }
        }
        return tests;
    }
}
