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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of design.md: commands, formats, exit codes, one-line errors. */
class TiaCliTest {

    @TempDir
    Path dir;

    /** What one CLI run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private Run tia(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TiaCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path shopWith(String step) {
        Path repo = dir.resolve("shop");
        try (FixtureRepo fixture = FixtureRepo.create("shop", repo)) {
            fixture.apply(ChangeStep.named("shop", step));
        }
        return repo;
    }

    @Test
    void helpListsTheCommands() {
        Run run = tia("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("affected", "explain", "services", "Exit codes");
        assertThat(tia("affected", "--help").out()).contains("--base", "--head", "--mode", "--format", "--repo");
    }

    /** Only the command named is made (picocli's model of every command took 40 ms): help still lists them all. */
    @Test
    void helpListsEveryCommandAndAMisspeltOneGetsASuggestion() {
        assertThat(tia("help").out()).contains("affected", "explain", "services", "shards", "backtest");
        assertThat(tia("help", "shards").out()).contains("--count");
        Run misspelt = tia("afected");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("Did you mean", "affected");
    }

    /**
     * A CI job's run ({@code --head HEAD} on a commit git made): {@code --timings} says the commit's files came from
     * git's index; with a change staged beside it they come from the commit's tree, and the report is the same.
     */
    @Test
    void timingsSayWhenTheHeadCommitCameFromGitsIndex() throws Exception {
        Path repo = dir.resolve("shop");
        try (FixtureRepo fixture = FixtureRepo.create("shop", repo)) {
            FixtureRepo.runGit(repo, "checkout", "-q", "-b", "feature");
            fixture.apply(ChangeStep.named("shop", "01-discount-rule"));
            FixtureRepo.runGit(repo, "add", "-A");
            FixtureRepo.runGit(repo, "commit", "-q", "-m", "discount rule");
        }
        String[] args = {"affected", "--repo", repo.toString(), "--base", "main", "--head", "HEAD", "--no-write", "--timings"};
        Run fromIndex = tia(args);
        assertThat(fromIndex.exitCode()).as(fromIndex.err()).isZero();
        assertThat(fromIndex.err()).contains("; head commit from git's index");
        Files.writeString(repo.resolve("staged.txt"), "s\n");
        FixtureRepo.runGit(repo, "add", "staged.txt");
        Run fromTree = tia(args);
        assertThat(fromTree.exitCode()).as(fromTree.err()).isZero();
        assertThat(fromTree.err()).contains("tia: timings:").doesNotContain("from git's index");
        assertThat(fromTree.out()).isEqualTo(fromIndex.out()).contains("7 of 19 test classes selected");
    }

    /** The folder whose git status the CLI starts before picocli reads the arguments; a guess, never a result. */
    @Test
    void theWorkingTreeFolderIsReadFromTheArgumentsAhead() {
        assertThat(TiaCli.workingTreeFolder(new String[] {"affected"})).contains(Path.of("."));
        assertThat(TiaCli.workingTreeFolder(new String[] {"affected", "--repo", "a/b", "--base", "main"})).contains(Path.of("a/b"));
        assertThat(TiaCli.workingTreeFolder(new String[] {"services", "--repo=c"})).contains(Path.of("c"));
        assertThat(TiaCli.workingTreeFolder(new String[] {"affected", "--head", "HEAD"})).isEmpty();
        assertThat(TiaCli.workingTreeFolder(new String[] {"affected", "--head=HEAD"})).isEmpty();
        assertThat(TiaCli.workingTreeFolder(new String[] {"backtest", "--repo", "a"})).isEmpty();
        assertThat(TiaCli.commitFolder(new String[] {"affected", "--repo", "a/b", "--head", "HEAD"})).contains(Path.of("a/b"));
        assertThat(TiaCli.commitFolder(new String[] {"services", "--head=HEAD"})).contains(Path.of("."));
        assertThat(TiaCli.commitFolder(new String[] {"affected", "--repo", "a"})).isEmpty();
        assertThat(TiaCli.commitFolder(new String[] {"affected", "--", "--head", "HEAD"})).isEmpty();
        assertThat(TiaCli.commitFolder(new String[] {"backtest", "--head", "HEAD"})).isEmpty();
    }

    /** The base whose commit git is asked for ahead, to tell whether JGit will be needed; a guess, never a result. */
    @Test
    void theBaseIsReadFromTheArgumentsAhead() {
        assertThat(TiaCli.baseNamed(new String[] {"affected", "--repo", "a", "--base", "origin/dev"})).contains("origin/dev");
        assertThat(TiaCli.baseNamed(new String[] {"affected", "--base=HEAD~2"})).contains("HEAD~2");
        assertThat(TiaCli.baseNamed(new String[] {"affected", "--base", " "})).isEmpty();
        assertThat(TiaCli.baseNamed(new String[] {"affected", "--", "--base", "x"})).isEmpty();
        assertThat(TiaCli.baseNamed(new String[] {"affected"})).isEmpty(); // the default base (no tia.base set here)
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(tia("affected", "--bogus").exitCode()).isEqualTo(2);
        Run badMode = tia("affected", "--repo", shopWith("01-discount-rule").toString(), "--mode", "fast");
        assertThat(badMode.exitCode()).isEqualTo(2);
        assertThat(badMode.err()).contains("unknown mode 'fast': use one of quick, affected, all");
        assertThat(tia("services", "--format", "yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void jsonReportFollowsSchemaVersionOne() throws Exception {
        Path repo = shopWith("01-discount-rule");
        Run run = tia("affected", "--repo", repo.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("schemaVersion", "repository", "base", "head", "mode", "runAll", "runAllReasons",
                "changedFiles", "services", "tests", "summary");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("head").asText()).isEqualTo("WORKTREE");
        assertThat(json.get("base").asText()).hasSize(40);
        assertThat(json.get("mode").asText()).isEqualTo("quick");
        assertThat(json.get("changedFiles").get(0).get("path").asText())
                .isEqualTo("libs/pricing/src/main/java/com/example/pricing/Discounts.java");
        assertThat(json.get("changedFiles").get(0).get("change").asText()).isEqualTo("MODIFIED");
        JsonNode cart = findTest(json, "com.example.checkout.CartServiceTest");
        assertThat(cart.get("module").asText()).isEqualTo("services/checkout");
        assertThat(cart.get("status").asText()).isEqualTo("SELECTED");
        assertThat(cart.get("reason").asText()).isEqualTo("libs/pricing/src/main/java/com/example/pricing/Discounts.java"
                + " -> com.example.pricing.Discounts -> com.example.checkout.CartService -> com.example.checkout.CartServiceTest");
        assertThat(findTest(json, "com.example.checkout.CheckoutE2ETest").get("status").asText()).isEqualTo("EXCLUDED_BY_TAG");
        assertThat(findTest(json, "com.example.notifications.NotifierTest").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(json.get("summary").toString()).isEqualTo("{\"selected\":7,\"skipped\":11,\"excludedByTag\":1,\"total\":19}");
        assertThat(json.get("services").get(0).toString()).isEqualTo("{\"name\":\"pricing\",\"path\":\"libs/pricing\",\"direct\":true}");
        assertThat(json.get("services").get(1).toString()).isEqualTo("{\"name\":\"catalog\",\"path\":\"services/catalog\",\"direct\":false}");

        Path written = repo.resolve("target/tia/report.json");
        assertThat(new ObjectMapper().readTree(Files.readString(written))).isEqualTo(json);
        assertThat(Files.readString(repo.resolve("target/tia/report.md"))).contains("## tia", "CartServiceTest");
    }

    private static JsonNode findTest(JsonNode json, String className) {
        for (JsonNode test : json.get("tests")) {
            if (test.get("className").asText().equals(className)) {
                return test;
            }
        }
        throw new AssertionError("no test " + className + " in " + json);
    }

    @Test
    void textReportLeadsWithCountsAndGivesReasons() {
        Run run = tia("affected", "--repo", shopWith("01-discount-rule").toString(), "--no-write");
        assertThat(run.out()).startsWith("tia: 7 of 19 test classes selected, 11 skipped as unaffected, 1 excluded by tag\n");
        assertThat(run.out()).contains("Selected (7):", "  services/checkout\n    com.example.checkout.CartServiceTest\n",
                "Services affected (3):");
    }

    @Test
    void reportsWrittenIntoTheRepositoryDoNotCountAsAChange() {
        Path repo = shopWith("12-test-only");
        Run first = tia("affected", "--repo", repo.toString(), "--report-dir", "tia-out");
        Run second = tia("affected", "--repo", repo.toString(), "--report-dir", "tia-out");
        assertThat(Files.exists(repo.resolve("tia-out/report.json"))).isTrue();
        assertThat(second.out()).startsWith("tia: 2 of 19 test classes selected");
        assertThat(second.out().lines().findFirst()).isEqualTo(first.out().lines().findFirst());
    }

    @Test
    void explainATestAndAFile() {
        Path repo = shopWith("02-card-fee");
        Run test = tia("explain", "CheckoutServiceTest", "--repo", repo.toString());
        assertThat(test.exitCode()).isZero();
        assertThat(test.out()).isEqualTo("""
                com.example.checkout.CheckoutServiceTest (services/checkout): SELECTED
                  libs/payments/src/main/java/com/example/payments/CardPaymentGateway.java -> com.example.payments.CardPaymentGateway \
                -> com.example.payments.PaymentGateway -> com.example.checkout.CheckoutService -> com.example.checkout.CheckoutServiceTest
                """);
        Run file = tia("explain", "libs/payments/src/main/java/com/example/payments/CardPaymentGateway.java", "--repo", repo.toString());
        assertThat(file.out()).contains("(modified): types: declares com.example.payments.CardPaymentGateway",
                "-> com.example.payments.CardPaymentGatewayTest");
        Run unknown = tia("explain", "NoSuchTest", "--repo", repo.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("tia: error: 'NoSuchTest' is neither a test class tia knows nor a changed file");
    }

    @Test
    void servicesAsGithubMatrix() {
        Run run = tia("services", "--repo", shopWith("01-discount-rule").toString(), "--format", "github-matrix");
        assertThat(run.out().trim()).isEqualTo("{\"include\":[{\"service\":\"pricing\",\"path\":\"libs/pricing\"},"
                + "{\"service\":\"catalog\",\"path\":\"services/catalog\"},{\"service\":\"checkout\",\"path\":\"services/checkout\"}]}");
    }

    @Test
    void badInputGetsOneLineAndExitOne() {
        Run notGit = tia("affected", "--repo", dir.toString());
        assertThat(notGit.exitCode()).isEqualTo(1);
        assertThat(notGit.err()).startsWith("tia: error: ").contains("is not inside a git repository").doesNotContain("\tat ");
        assertThat(notGit.err().lines().count()).isEqualTo(1);

        Path repo = shopWith("01-discount-rule");
        Run badBase = tia("affected", "--repo", repo.toString(), "--base", "nope");
        assertThat(badBase.exitCode()).isEqualTo(1);
        assertThat(badBase.err().trim()).isEqualTo("tia: error: base 'nope' not found; refs that exist: main");
    }

    @Test
    void invalidTiaYamlNamesTheLine() throws Exception {
        Path repo = shopWith("01-discount-rule");
        Files.writeString(repo.resolve("tia.yaml"), "ignore:\n  - '*.txt'\nrun_all: x\n");
        Run run = tia("affected", "--repo", repo.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tia: error: tia.yaml line 3: unknown key 'run_all'");
    }
}
