package dev.tia.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a real {@code mvn} (a given Maven installation) on a project, with a local repository of the integration
 * tests' own: tia's artifacts are installed there by the build, everything else comes from the developer's
 * local repository through a {@code file:} mirror, so no test downloads what the build already has.
 */
final class MavenBuild {

    /** The Maven that runs this build (3.8 on the CI machine). */
    static final MavenBuild OUTER = new MavenBuild(Path.of(System.getProperty("it.maven38.home")));
    /** Maven 3.9, unpacked by the build from Maven Central. */
    static final MavenBuild MAVEN_39 = new MavenBuild(Path.of(System.getProperty("it.maven39.home")));

    static final String PLUGIN = "dev.tia:tia-maven-plugin:" + System.getProperty("it.plugin.version");

    private final Path home;

    private MavenBuild(Path home) {
        this.home = home;
    }

    /** What one build did. */
    record Result(int exitCode, String log, Path project) {

        /** Simple names of the test classes with a Surefire or Failsafe report, across all modules. */
        Set<String> testClassesRun() {
            Set<String> classes = new TreeSet<>();
            try (Stream<Path> files = Files.walk(project)) {
                files.filter(f -> f.getParent() != null && f.getParent().getFileName().toString().matches("(surefire|failsafe)-reports"))
                        .map(f -> f.getFileName().toString())
                        .filter(name -> name.startsWith("TEST-") && name.endsWith(".xml"))
                        .map(name -> name.substring("TEST-".length(), name.length() - ".xml".length()))
                        .map(name -> name.substring(name.lastIndexOf('.') + 1))
                        .forEach(classes::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return classes;
        }
    }

    Result run(Path project, String... arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/mvn").toString(), "-B", "-V", "-ntp", "-Dstyle.color=never",
                "-s", settings().toString(), "-Dmaven.repo.local=" + System.getProperty("it.repo")));
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile(Path.of(System.getProperty("it.work")), "build", ".log");
            Process process = new ProcessBuilder(command).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("mvn did not finish in 10 minutes: " + command);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path settings() {
        Path file = Path.of(System.getProperty("it.work"), "settings.xml");
        String mirror = Path.of(System.getProperty("it.mirror")).toUri().toString();
        String settings = """
                <settings>
                  <profiles>
                    <profile>
                      <id>local-mirror</id>
                      <repositories>
                        <repository><id>local-mirror</id><url>%1$s</url><releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>local-mirror</id><url>%1$s</url><releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>local-mirror</activeProfile></activeProfiles>
                </settings>
                """.formatted(mirror);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, settings);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
