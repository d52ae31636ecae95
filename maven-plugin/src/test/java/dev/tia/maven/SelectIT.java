package dev.tia.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;
import dev.tia.fixtures.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@code mvn test -Dtia.affected} on the shop fixture in temp git repositories, with real Maven 3.8 and 3.9;
 * which classes ran is read from Surefire's reports.
 */
class SelectIT {

    /** Every test class of the shop fixture Surefire runs (its default includes leave out CheckoutSuite) but e2e. */
    private static final Set<String> ALL_BUT_E2E = Set.of("DiscountsTest", "MoneyTest", "PriceCalculatorTest", "TaxTableTest",
            "CardPaymentGatewayTest", "PaymentsTest", "CartServiceTest", "CheckoutServiceTest", "ReceiptPrinterTest",
            "SmallCartCheckoutTest", "CatalogServiceTest", "ProductFormatterTest", "NotifierTest",
            "EmailTemplateTest", "EmailTemplateLegacyTest");
    private static final Set<String> DISCOUNT_CHANGE = Set.of("DiscountsTest", "PriceCalculatorTest", "CartServiceTest",
            "CheckoutServiceTest", "SmallCartCheckoutTest");

    private static final String PLUGIN_IN_POM = """
              <build>
                <plugins>
                  <plugin>
                    <groupId>dev.tia</groupId>
                    <artifactId>tia-maven-plugin</artifactId>
                    <version>%s</version>
                    <executions>
                      <execution>
                        <goals>
                          <goal>select</goal>
                          <goal>report</goal>
                        </goals>
                      </execution>
                    </executions>
                  </plugin>
                </plugins>
                <pluginManagement>""".formatted(System.getProperty("it.plugin.version"));

    /** The shop fixture with tia declared in its root pom (committed), then {@code step} applied. */
    private static Path shopWithPlugin(String name, String step) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work"))), name);
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            declarePlugin(dir.resolve("pom.xml"));
            repo.commitAll("build with tia");
            if (step != null) {
                repo.apply(ChangeStep.named("shop", step));
                declarePlugin(dir.resolve("pom.xml")); // a step that rewrites the root pom keeps the plugin
            }
        }
        return dir;
    }

    private static void declarePlugin(Path pom) throws IOException {
        String content = Files.readString(pom);
        if (!content.contains("tia-maven-plugin")) {
            Files.writeString(pom, content.replace("  <build>\n    <pluginManagement>", PLUGIN_IN_POM));
        }
    }

    @Test
    void sharedLibraryChangeRunsItsDependentsTestsOnMaven39() throws IOException {
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(shopWithPlugin("lib39", "01-discount-rule"),
                "test", "-Dtia.affected", "-Dmaven.test.failure.ignore=true");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("Apache Maven 3.9");
        assertThat(build.testClassesRun()).isEqualTo(DISCOUNT_CHANGE);
        assertThat(build.log()).contains("tia: 7 of 19 test classes selected, 11 skipped as unaffected, 1 excluded by tag",
                "tia: 5 test classes ran; 11 skipped as unaffected, 1 excluded by tag");
        assertThat(build.project().resolve("target/tia/report.json")).exists();
        assertThat(build.project().resolve("target/tia/report.md")).exists();
    }

    @Test
    void sharedLibraryChangeRunsItsDependentsTestsOnTheOuterMaven() throws IOException {
        MavenBuild.Result build = MavenBuild.OUTER.run(shopWithPlugin("lib38", "01-discount-rule"),
                "test", "-Dtia.affected", "-Dmaven.test.failure.ignore=true");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).isEqualTo(DISCOUNT_CHANGE);
    }

    /**
     * As docs/ci's workflows run it: the commit the job checked out ({@code -Dtia.head=HEAD}), committed by git (whose
     * index then lists exactly that commit), measured from its base. What the working tree holds beside it (an edit of
     * another service here) is no part of the change.
     */
    @Test
    void theCheckedOutCommitIsTheChangeWithTiaHeadOnTheOuterMaven() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work"))), "commit");
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            declarePlugin(dir.resolve("pom.xml"));
            repo.commitAll("build with tia");
            FixtureRepo.runGit(dir, "checkout", "-q", "-b", "feature");
            repo.apply(ChangeStep.named("shop", "01-discount-rule"));
            FixtureRepo.runGit(dir, "add", "-A");
            FixtureRepo.runGit(dir, "commit", "-q", "-m", "discount rule");
            repo.apply(ChangeStep.named("shop", "06-sms-gateway"));
        }
        MavenBuild.Result build = MavenBuild.OUTER.run(dir, "test", "-Dtia.affected", "-Dtia.head=HEAD", "-Dtia.base=main",
                "-Dmaven.test.failure.ignore=true");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).isEqualTo(DISCOUNT_CHANGE);
        assertThat(build.log()).contains("tia: 7 of 19 test classes selected, 11 skipped as unaffected, 1 excluded by tag");
    }

    @Test
    void serviceChangeRunsOnlyThatServicesTestsInAParallelBuild() throws IOException {
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(shopWithPlugin("service", "06-sms-gateway"),
                "test", "-T", "2", "-Dtia.affected", "-Dmaven.test.failure.ignore=true");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).containsExactly("NotifierTest");
        assertThat(build.log()).contains("tia: 1 test classes ran;");
    }

    @Test
    void docsOnlyChangeRunsNoTestAndStaysGreen() throws IOException {
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(shopWithPlugin("docs", "03-docs-only"), "test", "-Dtia.affected");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).isEmpty();
        assertThat(build.log()).contains("BUILD SUCCESS").doesNotContain("No tests were executed");
    }

    @Test
    void rootPomChangeRunsEveryTestButE2eInQuickMode() throws IOException {
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(shopWithPlugin("rootpom", "04-root-pom"), "test", "-Dtia.affected");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).isEqualTo(ALL_BUT_E2E);
        assertThat(build.log()).contains("tia: running all tests: pom.xml changes the build of every module");
    }

    @Test
    void dependencyVersionBumpRunsOnlyTheModulesWhoseTestClassPathHasItOnTheOuterMaven() throws IOException {
        MavenBuild.Result build = MavenBuild.OUTER.run(shopWithPlugin("bump", "16-junit-bump"), "test", "-Dtia.affected");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).isEqualTo(Set.of("NotifierTest", "EmailTemplateTest", "EmailTemplateLegacyTest"));
        assertThat(build.log()).contains(
                "tia: every test of notifications runs: its test class path has junit:junit, whose version the change moves",
                "tia: pricing does not have junit:junit on its test class path: the moved versions cannot change its tests");
    }

    @Test
    void modeAffectedRunsAffectedE2eTestsToo() throws IOException {
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(shopWithPlugin("affected", "01-discount-rule"),
                "test", "-Dtia.affected", "-Dtia.mode=affected", "-Dmaven.test.failure.ignore=true");
        assertThat(build.testClassesRun()).contains("CheckoutE2ETest").doesNotContain("CatalogE2ETest", "NotifierTest");
    }

    @Test
    void failsafeRunsOnlyAffectedIntegrationTests() throws IOException {
        MavenBuild.Result affected = MavenBuild.MAVEN_39.run(shopWithPlugin("failsafe", "07-tax-rates-resource"),
                "verify", "-Dtia.affected", "-Dtia.mode=affected", "-Dmaven.test.failure.ignore=true");
        assertThat(affected.exitCode()).as(affected.log()).isZero();
        assertThat(affected.testClassesRun()).contains("CatalogServiceIT", "CatalogE2ETest");
        MavenBuild.Result unaffected = MavenBuild.MAVEN_39.run(shopWithPlugin("failsafe-skip", "06-sms-gateway"),
                "verify", "-Dtia.affected", "-Dtia.mode=affected", "-Dmaven.test.failure.ignore=true");
        assertThat(unaffected.exitCode()).as(unaffected.log()).isZero();
        assertThat(unaffected.testClassesRun()).containsExactly("NotifierTest");
    }

    @Test
    void shardsSplitTheSelectedTestsWithoutOverlap() throws IOException {
        Path project = shopWithPlugin("shards", "07-tax-rates-resource");
        MavenBuild.Result first = MavenBuild.MAVEN_39.run(project, "test", "-Dtia.affected", "-Dtia.shard=1/2",
                "-Dmaven.test.failure.ignore=true");
        Set<String> firstRan = first.testClassesRun();
        MavenBuild.Result second = MavenBuild.MAVEN_39.run(project, "clean", "test", "-Dtia.affected", "-Dtia.shard=2/2",
                "-Dmaven.test.failure.ignore=true");
        Set<String> secondRan = second.testClassesRun();
        assertThat(firstRan).isNotEmpty().doesNotContainAnyElementsOf(secondRan);
        Set<String> both = new java.util.TreeSet<>(firstRan);
        both.addAll(secondRan);
        assertThat(both).containsExactlyInAnyOrder("DiscountsTest", "MoneyTest", "PriceCalculatorTest", "TaxTableTest",
                "CartServiceTest", "CheckoutServiceTest", "ReceiptPrinterTest", "SmallCartCheckoutTest", "CatalogServiceTest",
                "ProductFormatterTest");
    }

    @Test
    void observeModeRunsEverythingAndCountsWhatWouldHaveBeenSkipped() throws IOException {
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(shopWithPlugin("observe", "01-discount-rule"),
                "test", "-Dtia.affected", "-Dtia.mode=observe", "-Dmaven.test.failure.ignore=true");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).containsAll(ALL_BUT_E2E).contains("CheckoutE2ETest", "CatalogE2ETest");
        assertThat(build.log()).contains("[INFO] tia: tia would have skipped 11 of 19 test classes; 0 of them failed")
                .doesNotContain("SAFETY MISS");
        assertThat(build.project().resolve("target/tia/observe.json")).exists();
    }

    @Test
    void withoutTheFlagEveryTestRuns() throws IOException {
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(shopWithPlugin("noflag", "01-discount-rule"),
                "test", "-Dmaven.test.failure.ignore=true");
        assertThat(build.testClassesRun()).containsAll(ALL_BUT_E2E).contains("CheckoutE2ETest", "CatalogE2ETest");
        assertThat(build.log()).doesNotContain("] tia: ");
    }

    @Test
    void worksWithoutEditingThePom() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work"))), "nopom");
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.apply(ChangeStep.named("shop", "12-test-only"));
        }
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(dir, MavenBuild.PLUGIN + ":select", "test", "-Dtia.affected");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).containsExactly("CartServiceTest");
    }

    @Test
    void projectListAndExplain() throws IOException {
        Path project = shopWithPlugin("pl", "01-discount-rule");
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(project, "test", "-pl", "services/checkout", "-am",
                "-Dtia.affected", "-Dmaven.test.failure.ignore=true");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).containsExactlyInAnyOrder("DiscountsTest", "PriceCalculatorTest", "CartServiceTest",
                "CheckoutServiceTest", "SmallCartCheckoutTest");

        MavenBuild.Result explain = MavenBuild.MAVEN_39.run(project, "tia:explain", "-Dtia.explain=CartServiceTest");
        assertThat(explain.exitCode()).as(explain.log()).isZero();
        assertThat(explain.log()).contains("[INFO] tia: com.example.checkout.CartServiceTest (services/checkout): SELECTED",
                "[INFO] tia:   libs/pricing/src/main/java/com/example/pricing/Discounts.java -> com.example.pricing.Discounts"
                        + " -> com.example.checkout.CartService -> com.example.checkout.CartServiceTest");
    }

    @Test
    void outsideGitEveryTestRunsWithOneWarning() throws IOException {
        // Outside every git repository: the build folder itself lies inside tia's own checkout.
        Path dir = Files.createTempDirectory("tia-nogit");
        try (FixtureRepo repo = FixtureRepo.init(dir.resolve("ignored"))) {
            repo.copy(Fixtures.project("shop"));
        }
        Path project = dir.resolve("ignored");
        deleteRecursively(project.resolve(".git"));
        MavenBuild.Result build = MavenBuild.MAVEN_39.run(project, MavenBuild.PLUGIN + ":select", "test", "-Dtia.affected");
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.testClassesRun()).containsAll(ALL_BUT_E2E);
        assertThat(build.log()).contains("[WARNING] tia could not select tests: ").contains("is not inside a git repository")
                .contains("running all tests");
        assertThat(build.log().split("tia could not select tests", -1)).hasSize(2);
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (var files = Files.walk(path)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
