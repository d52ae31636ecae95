package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.git.ChangeType;
import dev.tia.engine.select.Effect;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestStatus;
import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs real repositories throw at tia: each ends in a clear answer, never a stack trace or a dropped test. */
class HostileInputsTest {

    @TempDir
    Path dir;

    private Selection analyze(TiaConfig config) {
        return new TiaEngine().analyze(config).selection();
    }

    private Path shop() {
        return dir.resolve("shop");
    }

    /**
     * A sparse checkout (common in monorepos) leaves the files outside it off the disk, marked skip-worktree in git's
     * index, and git's status does not call them missing: tia reads them from git, as they are committed, and selects
     * what a full checkout selects. It read them from the disk and ran everything ("cannot read .../pom.xml").
     */
    @Test
    void aSparseCheckoutSelectsWhatTheFullCheckoutSelects() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            repo.apply(ChangeStep.named("shop", "01-discount-rule"));
        }
        Selection full = analyze(TiaConfig.defaults(shop()));
        FixtureRepo.runGit(shop(), "update-index", "-q", "--refresh"); // JGit wrote the index: git would leave files it finds not up to date
        FixtureRepo.runGit(shop(), "sparse-checkout", "set", "libs");
        assertThat(shop().resolve("services/catalog/pom.xml")).doesNotExist();

        Selection sparse = analyze(TiaConfig.defaults(shop()).with(ConfigKey.CACHE_DIR, dir.resolve("cache").toString()));

        assertThat(sparse.runAll()).as(String.join("; ", sparse.runAllReasons())).isFalse();
        assertThat(sparse.tests()).isEqualTo(full.tests());
        assertThat(InlineProject.names(sparse, TestStatus.SELECTED)).contains("com.example.checkout.CheckoutServiceTest");
    }

    /**
     * A partial clone leaves the blobs outside its sparse checkout unfetched: a resource there cannot be read, so what
     * it names is unknown, and its module's tests run with that reason, as for a file that does not parse. It named
     * nothing before, silently, and a change to a class it named skipped the tests its module's context starts.
     */
    @Test
    void aResourceThatCannotBeReadRunsItsModulesTestsAndSaysWhy() throws Exception {
        String resource = "services/checkout/src/main/resources/application.properties";
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            repo.apply(ChangeStep.named("shop", "03-docs-only"));
        }
        assertThat(analyze(TiaConfig.defaults(shop())).test("com.example.checkout.CheckoutServiceTest"))
                .get().extracting(t -> t.status()).isEqualTo(TestStatus.SKIPPED);
        FixtureRepo.runGit(shop(), "update-index", "-q", "--refresh");
        FixtureRepo.runGit(shop(), "sparse-checkout", "set", "libs");
        String blob = new String(new ProcessBuilder("git", "-C", shop().toString(), "rev-parse", "HEAD:" + resource)
                .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Files.delete(shop().resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));

        Selection sparse = analyze(TiaConfig.defaults(shop()).with(ConfigKey.CACHE_DIR, dir.resolve("cache").toString()));

        assertThat(sparse.runAll()).isFalse();
        assertThat(sparse.test("com.example.checkout.CheckoutServiceTest")).get().satisfies(test -> {
            assertThat(test.status()).isEqualTo(TestStatus.SELECTED);
            assertThat(test.reason()).startsWith(resource + " -> module services/checkout");
        });
        assertThat(sparse.notes()).anySatisfy(note -> assertThat(note).startsWith("cannot read " + resource)
                .contains("what it names is unknown").endsWith("the tests of services/checkout run"));
        assertThat(sparse.test("com.example.pricing.MoneyTest")).get().extracting(t -> t.status())
                .isEqualTo(TestStatus.SKIPPED);
    }

    @Test
    void mergeCommitAsHead() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            repo.git().branchCreate().setName("feature").call();
            repo.git().checkout().setName("feature").call();
            repo.apply(ChangeStep.named("shop", "06-sms-gateway")).commitAll("sms v2");
            repo.git().checkout().setName("main").call();
            repo.apply(ChangeStep.named("shop", "05-checkout-dockerfile")).commitAll("jre 21");
            MergeResult merge = repo.git().merge().include(repo.git().getRepository().resolve("feature"))
                    .setMessage("merge feature").call();
            assertThat(merge.getMergeStatus().isSuccessful()).isTrue();
        }
        Selection selection = analyze(TiaConfig.defaults(shop()).with(ConfigKey.BASE, "HEAD~1").with(ConfigKey.HEAD, "HEAD"));
        assertThat(InlineProject.names(selection, TestStatus.SELECTED)).containsExactly("com.example.notifications.NotifierTest");
    }

    @Test
    void fileMovedAcrossModulesAffectsBothSides() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            String from = "libs/pricing/src/main/java/com/example/pricing/TaxRule.java";
            String to = "services/catalog/src/main/java/com/example/pricing/TaxRule.java";
            repo.write(to, Files.readString(shop().resolve(from))).delete(from).commitAll("move TaxRule");
        }
        Selection selection = analyze(TiaConfig.defaults(shop()).with(ConfigKey.BASE, "HEAD~1").with(ConfigKey.HEAD, "HEAD"));
        assertThat(selection.changedFiles()).anySatisfy(f -> assertThat(f.change()).isEqualTo(ChangeType.RENAMED));
        assertThat(InlineProject.names(selection, TestStatus.SELECTED)).contains("com.example.pricing.PriceCalculatorTest",
                "com.example.pricing.TaxTableTest", "com.example.catalog.ProductFormatterTest");
    }

    @Test
    void deletedTestClassJustDisappears() {
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            repo.delete("services/notifications/src/test/java/com/example/notifications/NotifierTest.java");
        }
        Selection selection = analyze(TiaConfig.defaults(shop()));
        assertThat(selection.test("com.example.notifications.NotifierTest")).isEmpty();
        assertThat(selection.runAll()).isFalse();
        assertThat(selection.summary().total()).isEqualTo(18);
    }

    @Test
    void binaryFilesCrlfSourcesAndSymlinks() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            Files.createDirectories(shop().resolve("services/catalog/src/main/resources"));
            Files.write(shop().resolve("services/catalog/src/main/resources/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
            Path money = shop().resolve("libs/pricing/src/main/java/com/example/pricing/Money.java");
            Files.writeString(money, Files.readString(money).replace("\n", "\r\n"), StandardCharsets.UTF_8);
            Files.createSymbolicLink(shop().resolve("services/catalog/src/test/resources-link"), shop().resolve("docs"));
        }
        Selection selection = analyze(TiaConfig.defaults(shop()));
        assertThat(selection.changedFiles()).extracting(f -> f.path()).contains("services/catalog/src/main/resources/logo.png",
                "libs/pricing/src/main/java/com/example/pricing/Money.java");
        // CRLF line ends change only layout: the code is the same, so Money's tests need not run for it.
        assertThat(selection.changedFiles()).filteredOn(f -> f.path().endsWith("Money.java"))
                .singleElement().satisfies(f -> assertThat(f.description()).startsWith("comment-only change"));
        assertThat(InlineProject.names(selection, TestStatus.SELECTED)).contains("com.example.catalog.CatalogServiceTest")
                .doesNotContain("com.example.pricing.MoneyTest");
        assertThat(selection.notes()).noneMatch(n -> n.contains("syntax error"));
    }

    @Test
    void submodulePointerChangeRunsEverythingWithTheReason() throws Exception {
        Path library = dir.resolve("library");
        try (FixtureRepo lib = FixtureRepo.init(library)) {
            lib.write("README.md", "a library\n").commitAll("lib");
        }
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            repo.git().submoduleAdd().setPath("vendor/library").setURI(library.toUri().toString()).call().close();
        }
        Selection selection = analyze(TiaConfig.defaults(shop()));
        assertThat(selection.runAll()).isTrue();
        assertThat(selection.runAllReasons()).anySatisfy(reason -> assertThat(reason).contains(".gitmodules"));
    }

    @Test
    void tenThousandChangedFiles() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            for (int i = 0; i < 10_000; i++) {
                Path file = shop().resolve("docs/generated/page-" + i + ".md");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "# page " + i + "\n");
            }
            repo.apply(ChangeStep.named("shop", "12-test-only"));
        }
        Selection selection = analyze(TiaConfig.defaults(shop()));
        assertThat(selection.changedFiles()).hasSize(10_001);
        assertThat(InlineProject.names(selection, TestStatus.SELECTED))
                .containsExactly("com.example.checkout.CartServiceTest", "com.example.checkout.CheckoutSuite");
    }

    @Test
    void containerFilesOutsideAServiceFolderAreNotShrugged() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            // Tests build an image from this one (Testcontainers): a resource like any other.
            repo.write("services/catalog/src/test/resources/Dockerfile", "FROM postgres:16\n");
            // A compose file at the top may drive the e2e tests: tia cannot tell, so everything runs.
            repo.write("docker-compose.yml", "services: {}\n");
        }
        Selection selection = analyze(TiaConfig.defaults(shop()));
        assertThat(selection.changedFiles()).filteredOn(f -> f.path().endsWith("Dockerfile")).singleElement()
                .satisfies(f -> assertThat(f.effect()).isEqualTo(Effect.MODULE_TESTS));
        assertThat(selection.runAll()).isTrue();
        assertThat(selection.runAllReasons()).anySatisfy(r -> assertThat(r).startsWith("docker-compose.yml is outside every module"));
    }

    @Test
    void parentPomOutsideTheRepositoryIsFine() {
        InlineProject.in(dir)
                .given("pom.xml", """
                        <project xmlns="http://maven.apache.org/POM/4.0.0">
                          <modelVersion>4.0.0</modelVersion>
                          <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
                            <version>3.4.0</version><relativePath/></parent>
                          <artifactId>app</artifactId>
                          <dependencies><dependency><groupId>${unresolved.group}</groupId><artifactId>x</artifactId></dependency></dependencies>
                        </project>
                        """)
                .given("src/main/java/app/Foo.java", "package app; public class Foo { }")
                .given("src/test/java/app/FooTest.java", "package app; class FooTest { @org.junit.jupiter.api.Test void t() { new Foo(); } }")
                .whenChanged("src/main/java/app/Foo.java")
                .expectSelected("app.FooTest");
    }

    @Test
    void reportFolderThatCannotBeWritten() throws Exception {
        try (FixtureRepo repo = FixtureRepo.create("shop", shop())) {
            Files.writeString(shop().resolve("blocked"), "a file where the report folder should be\n");
        }
        Selection selection = analyze(TiaConfig.defaults(shop()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.tia.engine.report.ReportWriter.write(selection,
                        shop().resolve("blocked/tia")))
                .isInstanceOf(TiaException.class).hasMessageContaining("cannot write reports to").hasMessageContaining("--report-dir");
        assertThat(selection.changedFiles()).singleElement().satisfies(f -> assertThat(f.effect()).isEqualTo(Effect.RUN_ALL));
    }
}
