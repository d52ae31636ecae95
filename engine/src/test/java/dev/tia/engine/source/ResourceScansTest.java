package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.Progress;
import dev.tia.engine.config.RepositoryConfig;
import dev.tia.engine.git.ChangeSet;
import dev.tia.engine.git.GitRepo;
import dev.tia.engine.git.SourceTree;
import dev.tia.engine.project.PomCache;
import dev.tia.engine.project.WorkspaceLoader;
import dev.tia.fixtures.FixtureRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources of known content are not read again, and name what reading them would. */
class ResourceScansTest {

    @TempDir
    Path dir;

    private static final String POM = "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
            + "<groupId>g</groupId><artifactId>app</artifactId><version>1</version></project>";

    /** Text resources: three name types or calls, two name nothing (one of them data over a megabyte). */
    private static final Map<String, String> PROJECT = Map.of(
            "pom.xml", POM,
            "src/main/java/a/Gateway.java", "package a; public interface Gateway {}",
            "src/main/java/a/CardGateway.java", "package a; public class CardGateway implements Gateway {}",
            "src/main/resources/META-INF/services/a.Gateway", "a.CardGateway\n",
            "src/main/resources/context.xml", "<beans><bean class=\"a.CardGateway\"/><bean class=\"a.Outer$Inner\"/></beans>\n",
            "src/main/resources/templates/page.html", "<p th:text=\"${card.describe()}\"></p>\n",
            "src/test/resources/data.json", "[1, 2, 3]\n",
            "src/test/resources/big.json", "[" + "7, ".repeat(400_000) + "7]\n",
            "README.md", "not a resource: a.CardGateway\n");

    private Path repo() {
        return dir.resolve("repo");
    }

    private Path cacheDir() {
        return dir.resolve("cache");
    }

    private void commitProject() {
        try (FixtureRepo fixture = FixtureRepo.init(repo())) {
            PROJECT.forEach(fixture::write);
            fixture.commitAll("project");
        }
    }

    private SourceIndex index(ResourceScans scans) {
        try (GitRepo git = GitRepo.open(repo())) {
            SourceTree tree = git.tree(ChangeSet.WORKTREE);
            return SourceIndex.build(WorkspaceLoader.load(tree, "", RepositoryConfig.empty(), PomCache.none()), tree,
                    new JavaFileAnalyzer(), FactsCache.none(), Progress.NONE, path -> Optional.empty(), scans);
        }
    }

    private static List<String> paths(SourceIndex index) {
        return index.resources().stream().map(ResourceFacts::path).toList();
    }

    @Test
    void aWarmRunReadsNoResourceAndFindsWhatReadingThemFinds() {
        commitProject();
        SourceIndex read = index(ResourceScans.none());
        assertThat(paths(read)).containsExactly("src/main/resources/META-INF/services/a.Gateway",
                "src/main/resources/context.xml", "src/main/resources/templates/page.html");
        assertThat(read.resources().get(1).names()).containsExactly("a.CardGateway", "a.Outer.Inner");
        assertThat(read.resources().get(2).calledNames()).containsExactly("describe");
        assertThat(read.stats().textResources()).isEqualTo(5);

        ResourceScans cold = ResourceScans.load(cacheDir(), "v1");
        SourceIndex first = index(cold);
        assertThat(cold.problem()).isEmpty();
        assertThat(first.stats().resourcesRead()).isEqualTo(5);
        assertThat(cold.save()).isEmpty();

        ResourceScans warm = ResourceScans.load(cacheDir(), "v1");
        SourceIndex second = index(warm);
        assertThat(warm.problem()).isEmpty();
        assertThat(second.stats().resourcesRead()).isZero();
        assertThat(second.stats().textResources()).isEqualTo(5);
        // Names, calls, service interface, module and test flag: all as reading the files gives them.
        assertThat(first.resources()).isEqualTo(read.resources());
        assertThat(second.resources()).isEqualTo(read.resources());
        assertThat(second.resources().get(0).serviceInterface()).contains("a.Gateway");
    }

    @Test
    void anEditedOrNewResourceIsReadAndWhatItNamesNowCounts() throws IOException {
        commitProject();
        ResourceScans cold = ResourceScans.load(cacheDir(), "v1");
        index(cold);
        cold.save();
        Files.writeString(repo().resolve("src/test/resources/data.json"), "{\"type\": \"a.Gateway\"}\n");
        Files.writeString(repo().resolve("src/main/resources/added.properties"), "handler=a.CardGateway\n");

        for (int run = 0; run < 2; run++) {
            // The working tree's edits have no content id until they are read: they are read on every run.
            ResourceScans warm = ResourceScans.load(cacheDir(), "v1");
            SourceIndex index = index(warm);
            assertThat(index.stats().resourcesRead()).isEqualTo(2);
            assertThat(index.stats().textResources()).isEqualTo(6);
            assertThat(paths(index)).contains("src/test/resources/data.json", "src/main/resources/added.properties");
            assertThat(index.resources()).filteredOn(r -> r.path().endsWith("data.json"))
                    .singleElement().satisfies(r -> assertThat(r.names()).containsExactly("a.Gateway"));
            assertThat(index.resources()).isEqualTo(index(ResourceScans.none()).resources());
            warm.save();
        }
    }

    @Test
    void aCorruptStoreIsReportedAndEveryResourceRead() throws IOException {
        commitProject();
        ResourceScans cold = ResourceScans.load(cacheDir(), "v1");
        SourceIndex expected = index(cold);
        cold.save();
        Path stored = cacheDir().resolve(ResourceScans.FILE_NAME);
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(stored, bytes);

        ResourceScans damaged = ResourceScans.load(cacheDir(), "v1");
        assertThat(damaged.problem()).get().asString().contains("corrupt").contains("reading the resources again");
        SourceIndex again = index(damaged);
        assertThat(again.stats().resourcesRead()).isEqualTo(5);
        assertThat(again.resources()).isEqualTo(expected.resources());
        damaged.save();
        assertThat(ResourceScans.load(cacheDir(), "v1").problem()).isEmpty();
    }

    /** Whichever store a run writes first makes the cache folder, and keeps it out of git's sight. */
    @Test
    void theFirstStoreWrittenKeepsTheCacheFolderOutOfGit() throws Exception {
        commitProject();
        ResourceScans scans = ResourceScans.load(repo().resolve(".tia/cache"), "v1");
        index(scans);
        assertThat(scans.save()).isEmpty();
        assertThat(repo().resolve(".tia/.gitignore")).exists();
        try (Git git = Git.open(repo().toFile())) {
            assertThat(git.status().call().getUntracked()).isEmpty();
        }
    }

    @Test
    void anotherVersionsStoreIsNotReadAndNotReported() {
        commitProject();
        ResourceScans cold = ResourceScans.load(cacheDir(), "v1");
        index(cold);
        cold.save();

        ResourceScans other = ResourceScans.load(cacheDir(), "v2");
        assertThat(other.problem()).isEmpty();
        assertThat(index(other).stats().resourcesRead()).isEqualTo(5);
    }
}
