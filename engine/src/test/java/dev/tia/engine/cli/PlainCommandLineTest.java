package dev.tia.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.fixtures.ChangeStep;
import dev.tia.fixtures.FixtureRepo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link PlainCommandLine} gives a command what picocli gives it, or leaves the command line to picocli: the two read
 * the same command lines here, and every option picocli knows of the commands it reads is one it reads.
 */
class PlainCommandLineTest {

    @TempDir
    Path dir;

    /** A real repository, so that the configuration resolves as in a run (it reads the project's tia.yaml). */
    private String repo;

    @BeforeEach
    void shop() {
        Path shop = dir.resolve("shop");
        try (FixtureRepo fixture = FixtureRepo.create("shop", shop)) {
            fixture.apply(ChangeStep.named("shop", "01-discount-rule"));
        }
        repo = shop.toString();
    }

    @Test
    void readsCommandLinesAsPicocliDoes() {
        List<String[]> commandLines = List.of(
                args("affected"),
                args("affected", "--repo", repo),
                args("affected", "--repo", repo, "--no-write"),
                args("affected", "--timings", "--junit-xml=skipped.xml"),
                args("affected", "--repo=" + repo, "--no-write", "--timings", "-v"),
                args("affected", "--repo", repo, "--base", "main", "--head=HEAD", "--format", "json", "--verbose"),
                args("affected", "--repo", repo, "--mode", "all", "--exclude-tags=e2e,slow", "--precision", "class",
                        "--report-dir", "out/tia", "--junit-xml", "out/skipped.xml", "--no-implementations"),
                args("affected", "--format=markdown", "--repo", repo, "--base=a=b"),
                args("services", "--repo", repo, "--format", "github-matrix", "--no-implementations"),
                args("services", "--repo=" + repo, "--base", "main", "--mode", "affected"));
        for (String[] args : commandLines) {
            Optional<PlainCommandLine.Prepared> plain = PlainCommandLine.read(args, cli());
            assertThat(plain).as(String.join(" ", args)).isPresent();
            assertThat(fields(plain.get().command())).as(String.join(" ", args)).isEqualTo(fields(picocli(args)));
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<String[]> commandLines = List.of(
                args(),
                args("--help"),
                args("affected", "--help"),
                args("affected", "-h"),
                args("services", "-V"),
                args("explain", "CartServiceTest"),
                args("shards", "--count", "2"),
                args("affected", "--bogus"),
                args("affected", "--base"),
                args("affected", "--base", "--no-write"),
                args("affected", "--base", "-x"),
                args("affected", "--base="),
                args("affected", "--no-write", "--no-write"),
                args("affected", "--base", "main", "--base=other"),
                args("affected", "--no-write=true"),
                args("affected", "--format", "JSON"),
                args("affected", "--format", "yaml"),
                args("affected", "--repo", repo, "--mode", "fast"),
                args("affected", "--repo", repo, "--precision", "line"),
                args("affected", "@more-args.txt"),
                args("affected", "--base", "@ref"),
                args("affected", "--", "x"),
                args("affected", "-vV"),
                args("affected", "--repo", repo, "extra"),
                args("services", "-v"),
                args("services", "--no-write"),
                args("services", "--format", "yaml"));
        for (String[] args : commandLines) {
            assertThat(PlainCommandLine.read(args, cli())).as(String.join(" ", args)).isEmpty();
        }
    }

    /** An option added to a command must be added here too, or every command line that uses it goes to picocli. */
    @Test
    void readsEveryOptionOfTheCommandsItReads() {
        for (String command : List.of("affected", "services")) {
            CommandLine commandLine = TiaCli.commandLine(cli(), args(command)).getSubcommands().get(command);
            Set<String> names = new TreeSet<>();
            for (OptionSpec option : commandLine.getCommandSpec().options()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                    names.addAll(List.of(option.names()));
                }
            }
            assertThat(PlainCommandLine.optionNames(command)).as(command).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    private static String[] args(String... args) {
        return args;
    }

    private static TiaCli cli() {
        return new TiaCli(Map.of());
    }

    /** The command object picocli fills for {@code args}. */
    private static Object picocli(String[] args) {
        CommandLine commandLine = TiaCli.commandLine(cli(), args);
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        return parsed.subcommand().commandSpec().userObject();
    }

    /** Every option field of an {@code affected} or {@code services} command, by name. */
    private static List<String> fields(Object command) {
        List<String> fields = new ArrayList<>();
        AnalysisOptions options;
        if (command instanceof AffectedCommand affected) {
            options = affected.options;
            fields.add("format " + affected.format);
            fields.add("verbose " + affected.verbose);
            fields.add("noWrite " + affected.noWrite);
            fields.add("junitXml " + affected.junitXml);
            fields.add("timings " + affected.timings);
        } else {
            ServicesCommand services = (ServicesCommand) command;
            options = services.options;
            fields.add("format " + services.format);
        }
        fields.add("repo " + options.repo);
        fields.add("base " + options.base);
        fields.add("head " + options.head);
        fields.add("mode " + options.mode);
        fields.add("excludeTags " + options.excludeTags);
        fields.add("reportDir " + options.reportDir);
        fields.add("precision " + options.precision);
        fields.add("noImplementations " + options.noImplementations);
        fields.add("config " + options.resolve());
        return fields;
    }
}
