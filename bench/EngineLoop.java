import dev.tia.engine.Analysis;
import dev.tia.engine.TiaEngine;
import dev.tia.engine.config.TiaConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The engine in a long-lived JVM (an IDE, a Maven daemon): edits one file, analyses, again and again, and prints
 * the median engine time of the runs after the JVM has warmed up, as "median_ms peak_ms". The same measurement in
 * a fresh JVM (bin/tia) adds class loading and the JIT compiling tia's code while it runs.
 *
 * <p>Usage: java -cp tia-engine-cli.jar bench/EngineLoop.java REPO FILE [WARM_UP_RUNS] [MEASURED_RUNS]
 */
public class EngineLoop {
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        Path file = repo.resolve(args[1]);
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        String original = Files.readString(file);
        List<Long> millis = new ArrayList<>();
        try {
            for (int run = 0; run < warmUp + measured; run++) {
                // A new type each time, as in bench/run.sh's "1 file changed": the index cannot know the content.
                Files.writeString(file, original + "\nclass EngineLoopEdit" + System.nanoTime() + " { }\n");
                Analysis analysis = new TiaEngine().analyze(TiaConfig.defaults(repo));
                if (run >= warmUp) {
                    millis.add(analysis.timings().totalNanos() / 1_000_000);
                }
            }
        } finally {
            Files.writeString(file, original);
        }
        Collections.sort(millis);
        System.out.println(millis.get(millis.size() / 2) + " " + millis.get(millis.size() - 1));
    }
}
