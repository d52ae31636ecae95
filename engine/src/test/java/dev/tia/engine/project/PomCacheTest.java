package dev.tia.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.RepositoryConfig;
import dev.tia.engine.git.ChangeSet;
import dev.tia.engine.git.GitRepo;
import dev.tia.fixtures.FixtureRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poms of known content come from the store, and give the workspace a parse would. */
class PomCacheTest {

    @TempDir
    Path dir;

    private Path repo() {
        return dir.resolve("repo");
    }

    private Path cacheDir() {
        return dir.resolve("cache");
    }

    private static String pom(String body) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>" + body + "</project>";
    }

    private static final Map<String, String> REACTOR = Map.of(
            "pom.xml", pom("<groupId>g</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>"
                    + "<properties><core.name>core</core.name><long>" + "x".repeat(70_000) + "</long></properties>"
                    + "<modules><module>core</module><module>app</module></modules>"
                    + "<profiles><profile><modules><module>extra</module></modules></profile></profiles>"),
            "core/pom.xml", pom("<parent><groupId>g</groupId><artifactId>root</artifactId><version>1</version>"
                    + "<relativePath/></parent><artifactId>core</artifactId>"
                    + "<build><sourceDirectory>java</sourceDirectory><testSourceDirectory>tests</testSourceDirectory>"
                    + "<resources><resource><directory>conf</directory></resource></resources></build>"),
            "app/pom.xml", pom("<parent><groupId>g</groupId><artifactId>root</artifactId><version>1</version></parent>"
                    + "<artifactId>app</artifactId><dependencies><dependency><groupId>g</groupId>"
                    + "<artifactId>${core.name}</artifactId></dependency></dependencies>"
                    + "<build><plugins><plugin><artifactId>build-helper-maven-plugin</artifactId><executions><execution>"
                    + "<goals><goal>add-source</goal></goals><configuration><sources><source>gen</source></sources>"
                    + "</configuration></execution></executions></plugin></plugins></build>"),
            "extra/pom.xml", pom("<groupId>h</groupId><artifactId>extra</artifactId><version>2</version>"));

    private Workspace load(PomCache cache) {
        try (GitRepo git = GitRepo.open(repo())) {
            return WorkspaceLoader.load(git.tree(ChangeSet.WORKTREE), "", RepositoryConfig.empty(), cache);
        }
    }

    private void commitReactor() {
        commitReactor(Map.of());
    }

    private void commitReactor(Map<String, String> replaced) {
        try (FixtureRepo fixture = FixtureRepo.init(repo())) {
            REACTOR.forEach(fixture::write);
            replaced.forEach(fixture::write);
            fixture.commitAll("reactor");
        }
    }

    @Test
    void aWarmRunParsesNoPomAndGetsTheSameWorkspace() {
        commitReactor();
        Workspace parsed = load(PomCache.none());

        PomCache cold = PomCache.load(cacheDir(), "v1");
        Workspace first = load(cold);
        assertThat(cold.parsed()).isEqualTo(4);
        assertThat(cold.save()).isEmpty();

        PomCache warm = PomCache.load(cacheDir(), "v1");
        Workspace second = load(warm);
        assertThat(warm.parsed()).isZero();
        assertThat(warm.problem()).isEmpty();
        // Every field of every pom came back: the workspace built from them is the one a parse builds.
        assertThat(first).isEqualTo(parsed);
        assertThat(second).isEqualTo(parsed);
        assertThat(second.modules().get("core").mainSources()).containsExactly("core/java");
        assertThat(second.modules().get("app").mainSources()).containsExactlyInAnyOrder("app/src/main/java", "app/gen");
        assertThat(second.dependencies().get("app")).containsExactly("core");
    }

    @Test
    void anEditedPomIsParsedAgain() throws IOException {
        commitReactor();
        PomCache cold = PomCache.load(cacheDir(), "v1");
        load(cold);
        cold.save();
        Files.writeString(repo().resolve("extra/pom.xml"), pom("<groupId>h</groupId><artifactId>renamed</artifactId>"));

        PomCache warm = PomCache.load(cacheDir(), "v1");
        Workspace workspace = load(warm);
        assertThat(warm.parsed()).isEqualTo(1);
        assertThat(workspace.modules().get("extra").coordinates()).isEqualTo(new Coordinates("h", "renamed"));
    }

    @Test
    void aCorruptStoreIsReportedAndEveryPomParsed() throws IOException {
        commitReactor();
        PomCache cold = PomCache.load(cacheDir(), "v1");
        Workspace expected = load(cold);
        cold.save();
        Path stored = cacheDir().resolve(PomCache.FILE_NAME);
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(stored, bytes);

        PomCache damaged = PomCache.load(cacheDir(), "v1");
        assertThat(damaged.problem()).get().asString().contains("corrupt").contains("reading the poms again");
        assertThat(load(damaged)).isEqualTo(expected);
        assertThat(damaged.parsed()).isEqualTo(4);
    }

    @Test
    void anotherVersionsStoreIsQuietlyReplaced() {
        commitReactor();
        PomCache old = PomCache.load(cacheDir(), "v1");
        load(old);
        old.save();

        PomCache next = PomCache.load(cacheDir(), "v2");
        load(next);
        assertThat(next.problem()).isEmpty();
        assertThat(next.parsed()).isEqualTo(4);
        assertThat(next.save()).isEmpty();
        PomCache again = PomCache.load(cacheDir(), "v2");
        load(again);
        assertThat(again.parsed()).isZero();
    }

    @Test
    void aPomThatDoesNotParseIsNeverStored() {
        commitReactor(Map.of("extra/pom.xml", "<project>\n<oops>\n</project>\n"));
        for (int run = 0; run < 2; run++) {
            PomCache cache = PomCache.load(cacheDir(), "v1");
            Workspace workspace = load(cache);
            cache.save();
            assertThat(workspace.runAllReasons()).singleElement().asString().startsWith("extra/pom.xml line 3");
            assertThat(cache.parsed()).isEqualTo(run == 0 ? 4 : 1);
        }
        assertThat(cacheDir().resolve(PomCache.FILE_NAME)).isRegularFile();
    }
}
