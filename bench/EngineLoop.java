import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.Timings;
import dev.tia.engine.config.TiaConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The engine in a long-lived JVM (an IDE, a Maven daemon): edits one file, analyses, again and again, and prints
 * the median engine time of the runs after the JVM has warmed up, as "median_ms peak_ms own_median_ms". The same
 * measurement in a fresh JVM (bin/tia) adds class loading and the JIT compiling tia's code while it runs.
 *
 * <p>"own" leaves out the phases that wait for git ("open": where the checkout is and which commits HEAD and the base
 * are; "changes": git's status of the working tree), whose time is git's walk of every file, the same for any tool
 * that asks git what changed: what is left is tia's own work, which is what can grow with the change alone.
 *
 * <p>Usage: java -cp tia-engine-cli.jar bench/EngineLoop.java REPO FILE [WARM_UP_RUNS] [MEASURED_RUNS]
 */
public class EngineLoop {
    private static final Set<String> GIT_PHASES = Set.of("open", "changes");

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        Path file = repo.resolve(args[1]);
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        String original = Files.readString(file);
        List<Long> millis = new ArrayList<>();
        List<Long> ownMillis = new ArrayList<>();
        try {
            for (int run = 0; run < warmUp + measured; run++) {
                // A new type each time, as in bench/run.sh's "1 file changed": the index cannot know the content.
                Files.writeString(file, original + "\nclass EngineLoopEdit" + System.nanoTime() + " { }\n");
                Analysis analysis = new TiaEngine().analyze(TiaConfig.defaults(repo));
                if (run >= warmUp) {
                    millis.add(analysis.timings().totalNanos() / 1_000_000);
                    ownMillis.add(ownNanos(analysis.timings()) / 1_000_000);
                }
            }
        } finally {
            Files.writeString(file, original);
        }
        Collections.sort(millis);
        Collections.sort(ownMillis);
        System.out.println(millis.get(millis.size() / 2) + " " + millis.get(millis.size() - 1) + " "
                + ownMillis.get(ownMillis.size() / 2));
    }

    /** The run's time but for the phases that wait for git's answers. */
    private static long ownNanos(Timings timings) {
        long git = 0;
        for (Timings.Phase phase : timings.phases()) {
            if (GIT_PHASES.contains(phase.name())) {
                git += phase.nanos();
            }
        }
        return timings.totalNanos() - git;
    }
}
