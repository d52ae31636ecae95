package dev.tia.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tia backtest} over a real history: plain commits, a docs-only one, a run-all, a broken one and a merge. */
class BacktestTest {

    @TempDir
    Path dir;

    private String tia(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TiaCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void replaysEachCommitAgainstItsParent() throws Exception {
        Path repo = dir.resolve("shop");
        try (FixtureRepo fixture = FixtureRepo.create("shop", repo)) {
            for (String step : List.of("15-money-refactor", "01-discount-rule", "03-docs-only", "08-syntax-error",
                    "04-root-pom")) {
                fixture.apply(ChangeStep.named("shop", step)).commitAll(step);
            }
            fixture.git().branchCreate().setName("feature").setStartPoint("HEAD~1").call();
            fixture.git().checkout().setName("feature").call();
            fixture.apply(ChangeStep.named("shop", "06-sms-gateway")).commitAll("sms");
            fixture.git().checkout().setName("main").call();
            fixture.git().merge().include(fixture.git().getRepository().resolve("feature")).setMessage("merge sms").call();
        }
        Path reports = dir.resolve("durations/surefire-reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("TEST-com.example.notifications.NotifierTest.xml"),
                "<testsuite name=\"com.example.notifications.NotifierTest\" time=\"40\"/>");
        Files.writeString(reports.resolve("TEST-com.example.pricing.DiscountsTest.xml"),
                "<testsuite name=\"com.example.pricing.DiscountsTest\" time=\"500\"/>");

        JsonNode json = new ObjectMapper().readTree(tia("backtest", "--repo", repo.toString(), "--commits", "10",
                "--format", "json", "--durations", dir.resolve("durations").toString(), "--budget", "1m"));
        List<String> rows = new ArrayList<>();
        for (JsonNode row : json.get("rows")) {
            rows.add(row.get("subject").asText() + "=" + row.get("selected").asInt() + "/" + row.get("total").asInt()
                    + (row.get("merge").asBoolean() ? " merge" : "") + " (class level " + row.get("selectedAtClassLevel") + ")");
        }
        // The merge brings the SMS change; the committed syntax error still stands, so catalog's 3 tests run too.
        // Refactoring Money.less selects 7 test classes at member level where class level would take 12.
        assertThat(rows).containsExactly("merge sms=4/19 merge (class level 4)", "04-root-pom=17/19 (class level 17)",
                "08-syntax-error=3/19 (class level 3)", "03-docs-only=0/19 (class level 0)", "01-discount-rule=7/19 (class level 7)",
                "15-money-refactor=7/19 (class level 12)");
        assertThat(json.get("commits").asInt()).isEqualTo(6);
        assertThat(json.get("runAll").asInt()).isEqualTo(1);
        assertThat(json.get("medianSelectedFraction").asDouble()).isEqualTo(0.289);
        assertThat(json.get("medianSelectedFractionAtClassLevel").asDouble()).isEqualTo(0.289);
        assertThat(json.get("rows").get(0).get("estimatedSeconds").asDouble()).isEqualTo(40.0);
        // within 60 s: the merge (40 s), the syntax error and docs-only commits (0 s); not 15, 01 or 04 (DiscountsTest, 500 s)
        assertThat(json.get("withinBudget").asDouble()).isEqualTo(0.5);

        String markdown = tia("backtest", "--repo", repo.toString(), "--commits", "10", "--format", "markdown");
        assertThat(markdown).contains("xychart-beta", "| `", "run all: pom.xml changes the build of every module");
    }
}
