package dev.tia.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.report.ReportWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension inside real launcher runs over the shop fixture, in a temp git repository. */
class TiaExtensionTest {

    @TempDir
    Path dir;

    private Map<String, String> affectedIn(Path repo, String module) {
        return Map.of("tia.affected", "true", "tia.projectDir", repo.resolve(module).toString());
    }

    @Test
    void inertWithoutTiaAffected() {
        Path repo = LauncherRun.shop(dir, "01-discount-rule");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        LauncherRun.Result result = LauncherRun.run(classes, "com.example.checkout", Map.of("tia.projectDir", repo.resolve("services/checkout").toString()));
        assertThat(result.classes()).containsExactly("CartServiceTest", "CheckoutE2ETest", "CheckoutServiceTest", "ReceiptPrinterTest",
                "SmallCartCheckoutTest");
        assertThat(result.out()).doesNotContain("tia:");
    }

    @Test
    void runsOnlyAffectedTestsOfTheModuleAndLeavesOutE2e() throws Exception {
        Path repo = LauncherRun.shop(dir, "01-discount-rule");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        LauncherRun.Result result = LauncherRun.run(classes, "com.example.checkout", affectedIn(repo, "services/checkout"));

        // CheckoutSuite runs CartServiceTest (affected) but not ReceiptPrinterTest (unaffected) inside the suite.
        assertThat(result.tests()).containsExactlyInAnyOrder("CartServiceTest#sumsLinesWithBulkDiscount",
                "CheckoutServiceTest#chargesTheTotalPlusTheGatewayFee", "SmallCartCheckoutTest#totalIsPositive");
        assertThat(result.out()).contains("tia: ran 4 of 6 test classes \u2014 1 skipped as unaffected, 1 excluded by tag e2e (base main@");
        JsonNode report = new ObjectMapper().readTree(Files.readString(repo.resolve("services/checkout/target/tia/junit-report.json")));
        assertThat(report.get("skipped").get(0).get("className").asText()).isEqualTo("com.example.checkout.ReceiptPrinterTest");
        assertThat(report.get("skipped").get(0).get("reason").asText()).isEqualTo("tia: not affected by the change");
        assertThat(report.get("excludedByTag").toString()).isEqualTo("[\"com.example.checkout.CheckoutE2ETest\"]");
    }

    @Test
    void modeAffectedKeepsE2eAndModeAllRunsEverything() {
        Path repo = LauncherRun.shop(dir, "01-discount-rule");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        Map<String, String> affected = new java.util.HashMap<>(affectedIn(repo, "services/checkout"));
        affected.put("tia.mode", "affected");
        assertThat(LauncherRun.run(classes, "com.example.checkout", affected).classes()).contains("CheckoutE2ETest")
                .doesNotContain("ReceiptPrinterTest");
        affected.put("tia.mode", "all");
        assertThat(LauncherRun.run(classes, "com.example.checkout", affected).classes()).contains("CheckoutE2ETest", "ReceiptPrinterTest");
    }

    @Test
    void nestedParameterizedAndMethodLevelTags() {
        Path repo = LauncherRun.shop(dir, "07-tax-rates-resource");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        LauncherRun.Result catalog = LauncherRun.run(classes, "com.example.catalog", affectedIn(repo, "services/catalog"));
        assertThat(catalog.tests()).containsExactlyInAnyOrder("CatalogServiceIT#labelsEveryProduct",
                "CatalogServiceTest$Lookup#findsBySku", "CatalogServiceTest$Lookup#missingSkuIsEmpty",
                "CatalogServiceTest$Size#countsProducts", "ProductFormatterTest#labelShowsTheGrossPrice");
        LauncherRun.Result pricing = LauncherRun.run(classes, "com.example.pricing", affectedIn(repo, "libs/pricing"));
        assertThat(pricing.tests()).contains("MoneyTest#lessRoundsDown");
    }

    @Test
    void unaffectedNestedAndParameterizedClassesAreSkippedWhole() {
        Path repo = LauncherRun.shop(dir, "06-sms-gateway");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        assertThat(LauncherRun.run(classes, "com.example.catalog", affectedIn(repo, "services/catalog")).tests()).isEmpty();
        assertThat(LauncherRun.run(classes, "com.example.pricing", affectedIn(repo, "libs/pricing")).tests()).isEmpty();
        LauncherRun.Result notifications = LauncherRun.run(classes, "com.example.notifications", affectedIn(repo, "services/notifications"));
        assertThat(notifications.classes()).containsExactly("NotifierTest");
    }

    @Test
    void shardsSplitTheSelectedClassesWithoutOverlap() {
        Path repo = LauncherRun.shop(dir, "07-tax-rates-resource");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        java.util.Set<String> union = new java.util.TreeSet<>();
        for (String shard : new String[] {"1/2", "2/2"}) {
            Map<String, String> parameters = new java.util.HashMap<>(affectedIn(repo, "services/catalog"));
            parameters.put("tia.shard", shard);
            for (String ran : LauncherRun.run(classes, "com.example.catalog", parameters).classes()) {
                assertThat(union.add(ran)).as("%s runs in one shard only", ran).isTrue();
            }
        }
        assertThat(union).containsExactlyInAnyOrder("CatalogServiceIT", "CatalogServiceTest", "ProductFormatterTest");
    }

    @Test
    void observeModeRunsEverythingAndReportsWhatWouldHaveBeenSkipped() throws Exception {
        Path repo = LauncherRun.shop(dir, "01-discount-rule");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        Map<String, String> parameters = new java.util.HashMap<>(affectedIn(repo, "services/checkout"));
        parameters.put("tia.mode", "observe");
        LauncherRun.Result result = LauncherRun.run(classes, "com.example.checkout", parameters);
        assertThat(result.classes()).contains("ReceiptPrinterTest", "CheckoutE2ETest", "CartServiceTest");
        assertThat(result.out()).contains("tia: tia would have skipped 1 of 6 test classes; 0 of them failed");
        assertThat(result.err()).doesNotContain("SAFETY MISS");
    }

    @Test
    void observeModeReportsASafetyMissLoudly() throws Exception {
        Path repo = LauncherRun.shop(dir, "01-discount-rule");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        // A hand-made selection that wrongly skips CartServiceTest, which the discount change breaks.
        Path reports = ReportWriter.write(new TiaEngine().analyze(TiaConfig.defaults(repo)).selection(), dir.resolve("handover"));
        Path report = reports.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace(
                "\"className\" : \"com.example.checkout.CartServiceTest\",\n    \"module\" : \"services/checkout\",\n    \"status\" : \"SELECTED\"",
                "\"className\" : \"com.example.checkout.CartServiceTest\",\n    \"module\" : \"services/checkout\",\n    \"status\" : \"SKIPPED\""));
        Map<String, String> parameters = new java.util.HashMap<>(affectedIn(repo, "services/checkout"));
        parameters.put("tia.mode", "observe");
        parameters.put("tia.selectionFile", report.toString());
        LauncherRun.Result result = LauncherRun.run(classes, "com.example.checkout", parameters);
        assertThat(result.err()).contains("tia: warning: SAFETY MISS: com.example.checkout.CartServiceTest failed, but tia would have"
                + " skipped it (changed: libs/pricing/src/main/java/com/example/pricing/Discounts.java)");
        assertThat(Files.readString(repo.resolve("services/checkout/target/tia/observe.json")))
                .contains("\"safetyMisses\" : [ \"com.example.checkout.CartServiceTest\" ]");
    }

    @Test
    void vintageTestsAreSelectedLikeAnyOther() {
        Path repo = LauncherRun.shop(dir, "13-email-wording");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        Map<String, String> parameters = new java.util.HashMap<>(affectedIn(repo, "services/notifications"));
        parameters.put("tia.base", "HEAD~1");
        assertThat(LauncherRun.run(classes, "com.example.notifications", parameters).classes())
                .containsExactly("EmailTemplateLegacyTest", "EmailTemplateTest");
    }

    @Test
    void testsUnknownToTiaAlwaysRun() throws Exception {
        Path repo = LauncherRun.shop(dir, "06-sms-gateway");
        // A test git does not track (ignored, generated): tia cannot know it, so it must not exclude it.
        Files.writeString(repo.resolve(".gitignore"), "target/\ngenerated/\n");
        Path generated = repo.resolve("services/checkout/src/test/java/com/example/checkout/generated/GeneratedTest.java");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, "package com.example.checkout.generated;\nclass GeneratedTest { @org.junit.jupiter.api.Test void t() { } }\n");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        assertThat(LauncherRun.run(classes, "com.example.checkout", affectedIn(repo, "services/checkout")).classes())
                .containsExactly("GeneratedTest");
    }

    @Test
    void selectionFileFromAnotherFaceIsUsedAsIs() throws Exception {
        Path repo = LauncherRun.shop(dir, "02-card-fee");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        Path reports = ReportWriter.write(new TiaEngine().analyze(TiaConfig.defaults(repo)).selection(), dir.resolve("handover"));
        // Revert the change: a fresh analysis would now select nothing; the hand-over file still says what to run.
        String gateway = "libs/payments/src/main/java/com/example/payments/CardPaymentGateway.java";
        Files.copy(dev.tia.fixtures.Fixtures.project("shop").resolve(gateway), repo.resolve(gateway),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> parameters = new java.util.HashMap<>(affectedIn(repo, "services/checkout"));
        parameters.put("tia.selectionFile", reports.resolve("report.json").toString());
        assertThat(LauncherRun.run(classes, "com.example.checkout", parameters).classes()).containsExactly("CheckoutServiceTest");
    }

    @Test
    void whenTiaCannotDecideItWarnsAndRunsEverything() throws Exception {
        Path repo = LauncherRun.shop(dir, null);
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        Path notGit = Files.createDirectories(dir.resolve("not-a-repo"));
        LauncherRun.Result result = LauncherRun.run(classes, "com.example.checkout",
                Map.of("tia.affected", "true", "tia.projectDir", notGit.toString()));
        assertThat(result.classes()).hasSize(5);
        assertThat(result.err()).contains("tia: warning: tia could not select tests: ").contains("is not inside a git repository")
                .contains("running all tests");
        assertThat(result.out()).contains("tia: ran 6 of 6 test classes (no selection: tia could not select tests");
    }

    /**
     * The selection is made beside the engines' discovery and waited for by the filter, which is asked about each
     * engine's root too: a failure with failOnError fails the run, also when no test is found (the second package).
     */
    @Test
    void failOnErrorTurnsTheFallbackIntoAFailure() throws Exception {
        Path repo = LauncherRun.shop(dir, null);
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        Path notGit = Files.createDirectories(dir.resolve("not-a-repo"));
        for (String packageName : List.of("com.example.checkout", "com.example.nothing.here")) {
            assertThatThrownBy(() -> LauncherRun.run(classes, packageName,
                    Map.of("tia.affected", "true", "tia.failOnError", "true", "tia.projectDir", notGit.toString())))
                    .as(packageName).hasStackTraceContaining("tia could not select tests");
        }
    }

    @Test
    void unknownTiaKeyWarnsAndRunsEverything() {
        Path repo = LauncherRun.shop(dir, "01-discount-rule");
        Path classes = LauncherRun.compile(repo, dir.resolve("classes"));
        LauncherRun.Result result = LauncherRun.run(classes, "com.example.checkout",
                Map.of("tia.affected", "true", "tia.mdoe", "all", "tia.projectDir", repo.resolve("services/checkout").toString()));
        assertThat(result.classes()).hasSize(5);
        assertThat(result.err()).contains("unknown option 'tia.mdoe': valid keys are");
    }
}
