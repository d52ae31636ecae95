package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.select.DependencyBump;
import dev.tia.engine.select.Effect;
import dev.tia.engine.select.TestStatus;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pom edit that only moves dependency versions: everything runs for a face that cannot see class paths, and the
 * analysis hands the moved artifacts and the rest of the change's selection to a face that can.
 */
class DependencyBumpTest {

    @TempDir
    Path dir;

    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>app</artifactId>
              <version>1</version>
              <properties>
                <guava.version>33.0.0-jre</guava.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.1</version></dependency>
                  <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>${guava.version}</version></dependency>
                  <dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>5.10.0</version><type>pom</type><scope>import</scope></dependency>
                </dependencies>
              </dependencyManagement>
              <build>
                <plugins>
                  <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.3</version></plugin>
                </plugins>
              </build>
            </project>
            """;

    private InlineProject project() {
        return InlineProject.in(dir).given("pom.xml", POM)
                .given("src/main/java/lib/Foo.java", "package lib;\npublic class Foo { }\n")
                .given("src/test/java/app/FooTest.java",
                        "package app;\nimport org.junit.jupiter.api.Test;\nclass FooTest { @Test void t() { new lib.Foo(); } }\n")
                .given("src/test/java/app/OtherTest.java",
                        "package app;\nimport org.junit.jupiter.api.Test;\nclass OtherTest { @Test void t() { } }\n");
    }

    @Test
    void aManagedVersionRunsEverythingAndHandsOverTheArtifact() {
        Analysis analysis = project().whenWritten("pom.xml", POM.replace("4.13.1", "4.13.2")).analysis();
        assertThat(analysis.selection().runAll()).isTrue();
        assertThat(analysis.selection().changedFiles().get(0).effect()).isEqualTo(Effect.DEPENDENCY_VERSIONS);
        assertThat(analysis.selection().runAllReasons()).containsExactly(
                "pom.xml moves the version of junit:junit: only modules whose test class path has it can change"
                        + " (the Maven plugin runs just those)");
        DependencyBump bump = analysis.dependencyBump().orElseThrow();
        assertThat(bump.artifacts()).containsExactly("junit:junit");
        assertThat(bump.otherwise().runAll()).isFalse();
        assertThat(bump.otherwise().tests()).allMatch(t -> t.status() == TestStatus.SKIPPED);
        assertThat(bump.reaches(List.of("org.hamcrest:hamcrest", "junit:junit"))).isTrue();
        assertThat(bump.reaches(List.of("org.hamcrest:hamcrest"))).isFalse();
    }

    @Test
    void aPropertyUsedOnlyAsADependencyVersionNamesThatDependency() {
        Analysis analysis = project().whenWritten("pom.xml", POM.replace("33.0.0-jre", "33.1.0-jre")).analysis();
        assertThat(analysis.dependencyBump().orElseThrow().artifacts()).containsExactly("com.google.guava:guava");
    }

    @Test
    void theRestOfTheChangeIsSelectedAsUsual() {
        Analysis analysis = project().whenWritten("src/main/java/lib/Foo.java", "package lib;\npublic class Foo { int x; }\n")
                .whenWritten("pom.xml", POM.replace("4.13.1", "4.13.2")).analysis();
        assertThat(InlineProject.names(analysis.dependencyBump().orElseThrow().otherwise(), TestStatus.SELECTED))
                .containsExactly("app.FooTest");
    }

    @Test
    void anythingElseInAPomKeepsItsUsualRule() {
        String[][] edits = {
                {"<version>3.5.3</version>", "<version>3.5.4</version>"}, // a plugin
                {"<version>5.10.0</version>", "<version>5.10.1</version>"}, // a BOM import moves artifacts tia cannot list
                {"<version>1</version>", "<version>2</version>"}, // the project's own version
                {"<properties>", "<properties>\n    <maven.compiler.release>21</maven.compiler.release>"}, // a new element
                {"</build>", "<resources><resource><directory>r</directory><filtering>true</filtering></resource></resources></build>"},
        };
        for (int i = 0; i < edits.length; i++) {
            Analysis analysis = InlineProject.in(dir.resolve("case" + i)).given("pom.xml", POM)
                    .whenWritten("pom.xml", POM.replace(edits[i][0], edits[i][1])).analysis();
            assertThat(analysis.selection().runAll()).as(edits[i][0]).isTrue();
            assertThat(analysis.dependencyBump()).as(edits[i][0]).isEmpty();
        }
        // A property also read by a plugin's configuration.
        String shared = POM.replace("<version>3.5.3</version>", "<version>3.5.3</version><configuration><x>${guava.version}</x></configuration>");
        Analysis analysis = InlineProject.in(dir.resolve("shared")).given("pom.xml", shared)
                .whenWritten("pom.xml", shared.replace("33.0.0-jre", "33.1.0-jre")).analysis();
        assertThat(analysis.dependencyBump()).isEmpty();
        // A version moved alongside filtering switched on: filtered resources may read properties.
        Analysis filtered = InlineProject.in(dir.resolve("filtered")).given("pom.xml", edits(POM))
                .whenWritten("pom.xml", edits(POM).replace("33.0.0-jre", "33.1.0-jre")).analysis();
        assertThat(filtered.dependencyBump()).isEmpty();
    }

    private static String edits(String pom) {
        return pom.replace("</build>", "<resources><resource><directory>r</directory><filtering>true</filtering></resource></resources></build>");
    }

    @Test
    void classPrecisionTurnsItOff() {
        Analysis analysis = project().with(ConfigKey.PRECISION, "class").whenWritten("pom.xml", POM.replace("4.13.1", "4.13.2")).analysis();
        assertThat(analysis.selection().runAll()).isTrue();
        assertThat(analysis.dependencyBump()).isEmpty();
    }
}
