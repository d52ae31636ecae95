package dev.tia.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.select.Shards;
import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a CI step gets: GitHub outputs, the job summary, skipped tests as JUnit XML, and shards. */
class CiStepTest {

    @TempDir
    Path dir;

    private Path shopWith(String step) {
        Path repo = dir.resolve("shop");
        try (FixtureRepo fixture = FixtureRepo.create("shop", repo)) {
            fixture.apply(ChangeStep.named("shop", step));
        }
        return repo;
    }

    private String tia(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TiaCli.run(args, new PrintWriter(out), new PrintWriter(err), environment);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void servicesAsGithubStepOutputs() throws Exception {
        Path outputs = dir.resolve("github-output");
        tia(Map.of("GITHUB_OUTPUT", outputs.toString()), "services", "--repo", shopWith("01-discount-rule").toString(),
                "--format", "github-matrix");
        assertThat(Files.readString(outputs)).isEqualTo("""
                services=["pricing","catalog","checkout"]
                services_count=3
                any_service=true
                matrix={"include":[{"service":"pricing","path":"libs/pricing"},{"service":"catalog","path":"services/catalog"},\
                {"service":"checkout","path":"services/checkout"}]}
                """);
    }

    @Test
    void dockerfileOnlyChangeRebuildsOneImageAndRunsNoTest() throws Exception {
        Path repo = shopWith("05-checkout-dockerfile");
        Path outputs = dir.resolve("github-output");
        tia(Map.of("GITHUB_OUTPUT", outputs.toString()), "services", "--repo", repo.toString());
        assertThat(Files.readString(outputs)).startsWith("services=[\"checkout\"]\nservices_count=1\nany_service=true\n");
        assertThat(tia(Map.of(), "affected", "--repo", repo.toString(), "--no-write")).startsWith("tia: 0 of 19 test classes selected");
    }

    @Test
    void noServiceMeansEmptyOutputs() throws Exception {
        Path outputs = dir.resolve("github-output");
        tia(Map.of("GITHUB_OUTPUT", outputs.toString()), "services", "--repo", shopWith("03-docs-only").toString());
        assertThat(Files.readString(outputs)).isEqualTo("services=[]\nservices_count=0\nany_service=false\nmatrix={\"include\":[]}\n");
    }

    @Test
    void jobSummaryGetsTheMarkdownReport() throws Exception {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        tia(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "affected", "--repo", shopWith("01-discount-rule").toString(),
                "--no-write");
        String markdown = Files.readString(summary);
        assertThat(markdown).startsWith("earlier step\n## tia: test impact analysis\n");
        assertThat(markdown).contains("**7** of 19 test classes selected, 11 skipped as unaffected, 1 excluded by tag",
                "| `services/checkout` | 4 | 1 | 1 |",
                "```mermaid\ngraph LR\n", "s_libs_pricing[\"pricing (changed)\"]", "s_libs_pricing --> s_services_checkout",
                "<details><summary>Skipped tests (11)</summary>", "- `com.example.notifications.NotifierTest` — not affected by the change");
    }

    /** With the reports written too, the job summary and report.md are the one Markdown report (made once). */
    @Test
    void jobSummaryIsTheWrittenMarkdownReport() throws Exception {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        Path reports = dir.resolve("reports");
        tia(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "affected", "--repo", shopWith("01-discount-rule").toString(),
                "--report-dir", reports.toString());
        String markdown = Files.readString(reports.resolve("report.md"));
        assertThat(markdown).startsWith("## tia: test impact analysis\n").contains("**7** of 19 test classes selected");
        assertThat(Files.readString(summary)).isEqualTo("earlier step\n" + markdown + "\n");
    }

    @Test
    void skippedTestsAsJunitXml() throws Exception {
        Path xml = dir.resolve("reports/tia-skipped.xml");
        tia(Map.of(), "affected", "--repo", shopWith("01-discount-rule").toString(), "--no-write", "--junit-xml", xml.toString());
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList cases = document.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(12);
        Map<String, String> messages = new HashMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            Element skipped = (Element) testcase.getElementsByTagName("skipped").item(0);
            messages.put(testcase.getAttribute("classname"), skipped.getAttribute("message"));
        }
        assertThat(messages).containsEntry("com.example.notifications.NotifierTest", "not affected by the change")
                .containsEntry("com.example.checkout.CheckoutE2ETest", "affected, but excluded by tag in quick mode")
                .doesNotContainKey("com.example.checkout.CartServiceTest");
        assertThat(document.getDocumentElement().getAttribute("skipped")).isEqualTo("12");
    }

    @Test
    void shardsAsAMatrix() {
        String matrix = tia(Map.of(), "shards", "--repo", shopWith("07-tax-rates-resource").toString(), "--count", "2",
                "--format", "github-matrix");
        assertThat(matrix.trim()).isEqualTo("{\"include\":[{\"shard\":1,\"of\":2,\"classes\":6,\"estimatedSeconds\":6.0},"
                + "{\"shard\":2,\"of\":2,\"classes\":6,\"estimatedSeconds\":6.0}]}");
    }

    @Test
    void durationsComeFromSurefireAndFailsafeReports() throws Exception {
        Path reports = dir.resolve("saved/services/checkout/target/surefire-reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("TEST-com.example.checkout.CartServiceTest.xml"),
                "<?xml version=\"1.0\"?><testsuite name=\"com.example.checkout.CartServiceTest\" time=\"12.5\" tests=\"1\"/>");
        Files.writeString(reports.resolve("TEST-com.example.catalog.CatalogServiceTest$Lookup.xml"),
                "<testsuite name=\"com.example.catalog.CatalogServiceTest$Lookup\" time=\"1,250.5\"/>");
        Files.writeString(reports.resolve("TEST-broken.xml"), "<testsuite name=");
        assertThat(dev.tia.engine.select.TestDurations.readReports(dir.resolve("saved")))
                .containsOnly(Map.entry("com.example.checkout.CartServiceTest", 12.5),
                        Map.entry("com.example.catalog.CatalogServiceTest", 1250.5));
        String matrix = tia(Map.of(), "shards", "--repo", shopWith("07-tax-rates-resource").toString(), "--count", "2",
                "--durations", dir.resolve("saved").toString(), "--format", "json");
        // 1250.5 s and 12.5 s known; the ten others count as the median, 631.5 s: 7578 s split evenly.
        assertThat(matrix.split("\"estimatedSeconds\":3789.0", -1)).hasSize(3);
    }

    @Test
    void shardsAreBalancedByDurationAndCoverEveryClassOnce() {
        Random random = new Random(7);
        List<String> classes = new ArrayList<>();
        Map<String, Double> durations = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            String name = "com.example.T" + i;
            classes.add(name);
            if (i % 10 != 0) {
                durations.put(name, 0.5 + random.nextDouble() * 20);
            }
        }
        for (int count : new int[] {2, 3, 4, 7}) {
            List<Shards.Shard> shards = Shards.split(classes, durations, count);
            double total = shards.stream().mapToDouble(Shards.Shard::estimatedSeconds).sum();
            double max = shards.stream().mapToDouble(Shards.Shard::estimatedSeconds).max().orElseThrow();
            assertThat(max).as("largest of %d shards against the ideal", count).isLessThanOrEqualTo(total / count * 1.10);
            Set<String> seen = new HashSet<>();
            shards.forEach(s -> s.classes().forEach(c -> assertThat(seen.add(c)).as("%s in one shard only", c).isTrue()));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(classes);
            assertThat(Shards.split(classes, durations, count)).isEqualTo(shards);
        }
        List<Shards.Shard> byCount = Shards.split(classes, Map.of(), 7);
        assertThat(byCount).allSatisfy(s -> assertThat(s.classes().size()).isBetween(8, 9));
    }
}
