package dev.tia.engine.report;

import dev.tia.engine.Background;
import dev.tia.engine.TiaException;
import dev.tia.engine.io.AtomicFiles;
import dev.tia.engine.select.Selection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Writes {@code report.json} and {@code report.md} into the report folder, each atomically. */
public final class ReportWriter {

    public static final String JSON_FILE = "report.json";
    public static final String MARKDOWN_FILE = "report.md";

    private ReportWriter() {
    }

    /**
     * Optional: starts, on another thread, the one-time set-up of the JSON writer (Jackson's streaming core: its
     * classes and their static state), so that a face that will write reports overlaps it with the analysis.
     */
    public static void prepare() {
        Background.run("tia-report-prepare", JsonReport::prepare);
    }

    /**
     * The two reports are made on two cores, the Markdown one beside the JSON one: at 50k classes each lists 16.7k
     * test classes, and in turn they took about 100 ms of a run.
     *
     * @return the folder written to
     */
    public static Path write(Selection selection, Path reportDir) {
        return write(selection, reportDir, Background.run("tia-report-markdown", () -> MarkdownReport.render(selection)));
    }

    /**
     * As {@link #write(Selection, Path)}, with the Markdown report made, or being made, by a face that shows it
     * elsewhere too (GitHub's job summary): made once.
     */
    public static Path write(Selection selection, Path reportDir, CompletableFuture<String> markdown) {
        try {
            Files.createDirectories(reportDir);
            AtomicFiles.write(reportDir.resolve(JSON_FILE), JsonReport.bytes(selection));
            writeAtomically(reportDir.resolve(MARKDOWN_FILE), markdown.join());
            return reportDir;
        } catch (IOException e) {
            throw new TiaException("cannot write reports to " + reportDir + ": " + e
                    + " (choose another folder with --report-dir / tia.reportDir, or pass --no-write)", e);
        }
    }

    /** Readers (a concurrent build, a CI step) never see a half-written report. */
    static void writeAtomically(Path target, String content) throws IOException {
        AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
    }
}
