package dev.tia.engine.report;

import dev.tia.engine.select.Selection;
import dev.tia.engine.select.Summary;

/** The one-line summary every face prints. */
public final class Headline {

    private Headline() {
    }

    public static String of(Selection selection) {
        Summary summary = selection.summary();
        StringBuilder line = new StringBuilder("tia: ").append(summary.selected()).append(" of ").append(summary.total())
                .append(" test classes selected, ").append(summary.skipped()).append(" skipped as unaffected");
        if (summary.excludedByTag() > 0) {
            line.append(", ").append(summary.excludedByTag()).append(" excluded by tag");
        }
        if (selection.runAll()) {
            line.append(" (run all: ").append(selection.runAllReasons().size() == 1 ? "1 reason" : selection.runAllReasons().size() + " reasons")
                    .append(')');
        }
        return line.toString();
    }

    /** The first 7 characters of a commit id; other labels (WORKTREE) unchanged. */
    static String shortId(String id) {
        return id.length() == 40 ? id.substring(0, 7) : id;
    }
}
