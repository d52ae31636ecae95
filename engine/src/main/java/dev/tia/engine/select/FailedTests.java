package dev.tia.engine.select;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Test classes with a failure or error, from the Surefire/Failsafe XML reports of one report folder. */
public final class FailedTests {

    private FailedTests() {
    }

    /** @param since only reports written at or after this time (milliseconds), so earlier builds do not count */
    public static Set<String> in(Path reportFolder, long since) {
        Set<String> failed = new TreeSet<>();
        for (SurefireReports.Suite suite : SurefireReports.in(reportFolder, since)) {
            if (suite.failures() > 0) {
                failed.add(suite.className());
            }
        }
        return failed;
    }
}
