package dev.tia.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.RepositoryConfig;
import dev.tia.engine.git.ChangeSet;
import dev.tia.engine.git.GitRepo;
import dev.tia.fixtures.FixtureRepo;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules, their dependencies, roots and services, read from real poms in a repository. */
class WorkspaceLoaderTest {

    @TempDir
    Path dir;

    private Workspace load(Map<String, String> files, String tiaYaml) {
        try (FixtureRepo repo = FixtureRepo.init(dir)) {
            files.forEach(repo::write);
            repo.commitAll("given");
        }
        try (GitRepo git = GitRepo.open(dir)) {
            RepositoryConfig config = tiaYaml == null ? RepositoryConfig.empty() : RepositoryConfig.parse(tiaYaml);
            return WorkspaceLoader.load(git.tree(ChangeSet.WORKTREE), "", config);
        }
    }

    private static String pom(String body) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>" + body + "</project>";
    }

    private static final String PARENT = "<parent><groupId>g</groupId><artifactId>root</artifactId><version>1</version></parent>";

    @Test
    void readsNestedModulesDependenciesAndPropertiesInCoordinates() {
        Workspace workspace = load(Map.of(
                "pom.xml", pom("<groupId>g</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>"
                        + "<properties><lib.artifact>core</lib.artifact></properties>"
                        + "<modules><module>libs</module><module>app</module></modules>"),
                "libs/pom.xml", pom("<parent><groupId>g</groupId><artifactId>root</artifactId><version>1</version></parent>"
                        + "<artifactId>libs</artifactId><packaging>pom</packaging><modules><module>core</module></modules>"),
                "libs/core/pom.xml", pom("<parent><groupId>g</groupId><artifactId>libs</artifactId><version>1</version></parent>"
                        + "<artifactId>core</artifactId>"),
                "app/pom.xml", pom(PARENT + "<artifactId>app</artifactId><dependencies>"
                        + "<dependency><groupId>${project.groupId}</groupId><artifactId>${lib.artifact}</artifactId></dependency>"
                        + "<dependency><groupId>g</groupId><artifactId>core</artifactId><type>test-jar</type><scope>test</scope></dependency>"
                        + "<dependency><groupId>org.other</groupId><artifactId>core</artifactId></dependency>"
                        + "</dependencies>")), null);

        assertThat(workspace.modules().keySet()).containsExactlyInAnyOrder("", "libs", "libs/core", "app");
        assertThat(workspace.modules().get("libs/core").coordinates()).isEqualTo(new Coordinates("g", "core"));
        assertThat(workspace.dependencies().get("app")).containsExactly("libs/core");
        assertThat(workspace.dependentsOf("libs/core")).containsExactly("app");
        assertThat(workspace.childrenOf("libs")).containsExactly("libs/core");
        assertThat(workspace.modules().get("libs/core").parentPath()).hasValue("libs");
        assertThat(workspace.services()).extracting(Service::name).containsExactly("app", "core");
        assertThat(workspace.runAllReasons()).isEmpty();
    }

    @Test
    void standardAndOverriddenRoots() {
        Workspace workspace = load(Map.of(
                "pom.xml", pom("<groupId>g</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>"
                        + "<modules><module>std</module><module>custom</module></modules>"),
                "std/pom.xml", pom(PARENT + "<artifactId>std</artifactId>"),
                "custom/pom.xml", pom(PARENT + "<artifactId>custom</artifactId><build>"
                        + "<sourceDirectory>${project.basedir}/java</sourceDirectory><testSourceDirectory>tests</testSourceDirectory>"
                        + "<resources><resource><directory>conf</directory></resource></resources>"
                        + "<plugins><plugin><groupId>org.codehaus.mojo</groupId><artifactId>build-helper-maven-plugin</artifactId>"
                        + "<executions><execution><goals><goal>add-source</goal></goals><configuration><sources><source>gen</source></sources>"
                        + "</configuration></execution></executions></plugin></plugins></build>")), null);

        MavenModule std = workspace.modules().get("std");
        assertThat(std.kindOf("std/src/main/java/a/A.java")).isEqualTo(SourceRootKind.MAIN_SOURCE);
        assertThat(std.kindOf("std/src/test/resources/x.json")).isEqualTo(SourceRootKind.TEST_RESOURCE);
        assertThat(std.kindOf("std/Dockerfile")).isEqualTo(SourceRootKind.OTHER);
        MavenModule custom = workspace.modules().get("custom");
        assertThat(custom.mainSources()).containsExactly("custom/gen", "custom/java");
        assertThat(custom.testSources()).containsExactly("custom/tests");
        assertThat(custom.mainResources()).containsExactly("custom/conf");
        assertThat(custom.kindOf("custom/src/main/java/a/A.java")).isEqualTo(SourceRootKind.OTHER);
    }

    @Test
    void unparseableModulePomIsARunAllReasonWithItsLine() {
        Workspace workspace = load(Map.of(
                "pom.xml", pom("<groupId>g</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>"
                        + "<modules><module>broken</module></modules>"),
                "broken/pom.xml", "<project>\n<artifactId>broken</artifactId>\n<oops>\n</project>\n"), null);
        assertThat(workspace.runAllReasons()).singleElement().asString()
                .startsWith("broken/pom.xml line 4: not well-formed XML");
    }

    @Test
    void pomsAfterABrokenOneAreStillRead() {
        // One XML parser is reused for every pom a thread reads: a failed parse must not spoil the next ones.
        Workspace workspace = load(Map.of(
                "pom.xml", pom("<groupId>g</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>"
                        + "<modules><module>a-broken</module><module>b</module></modules>"),
                "a-broken/pom.xml", "<project>\n<artifactId>broken</artifactId>\n<oops>\n</project>\n",
                "b/pom.xml", pom(PARENT + "<artifactId>b</artifactId><build><sourceDirectory>java</sourceDirectory></build>")), null);
        assertThat(workspace.runAllReasons()).singleElement().asString().startsWith("a-broken/pom.xml line 4");
        assertThat(workspace.modules().keySet()).containsExactlyInAnyOrder("", "b");
        assertThat(workspace.modules().get("b").coordinates()).isEqualTo(new Coordinates("g", "b"));
        assertThat(workspace.modules().get("b").mainSources()).containsExactly("b/java");
    }

    @Test
    void missingRootPomLeavesServicesFromTiaYamlAndDockerfiles() {
        Workspace workspace = load(Map.of(
                "web/index.html", "<html/>",
                "api/Dockerfile", "FROM scratch\n",
                "tools/lint.sh", "true\n"), "services:\n  - name: frontend\n    path: web\n");
        assertThat(workspace.modules()).isEmpty();
        assertThat(workspace.services()).extracting(Service::name, Service::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", "api"), org.assertj.core.groups.Tuple.tuple("frontend", "web"));
        assertThat(workspace.notes()).singleElement().asString().contains("no pom.xml");
    }
}
