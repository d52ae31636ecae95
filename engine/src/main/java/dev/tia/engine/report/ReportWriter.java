package dev.tia.engine.report;

import dev.tia.engine.TiaException;
import dev.tia.engine.io.AtomicFiles;
import dev.tia.engine.select.Selection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code report.json} and {@code report.md} into the report folder, each atomically. */
public final class ReportWriter {

    public static final String JSON_FILE = "report.json";
    public static final String MARKDOWN_FILE = "report.md";

    private ReportWriter() {
    }

    /** @return the folder written to */
    public static Path write(Selection selection, Path reportDir) {
        try {
            Files.createDirectories(reportDir);
            writeAtomically(reportDir.resolve(JSON_FILE), JsonReport.render(selection));
            writeAtomically(reportDir.resolve(MARKDOWN_FILE), MarkdownReport.render(selection));
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
