import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two builds of tia in one long-lived JVM, each in a class loader of its own with its own cache folder, run in turn on
 * the same edits (the order swapped every round), so that both see the same periods of a shared machine, whose speed
 * drifts more between periods than most changes this compares (bench/compare.sh does the same for fresh processes).
 * Prints, per phase of {@code --timings}, the median ms of each build's measured runs; "OWN" is a run's time without
 * the phases that wait for git ("open", "changes"), as bench/EngineLoop.java's third figure.
 *
 * <p>Usage: java bench/CompareInJvm.java REPO FILE WARM_UP_ROUNDS MEASURED_ROUNDS OLD_CLI_JAR OLD_CACHE_DIR NEW_CLI_JAR
 * NEW_CACHE_DIR [none]
 *
 * <p>Each run appends a new class to FILE (a path inside REPO), as bench/run.sh's "1 file changed"; with "none" the
 * file is left as it is. Prime each cache folder first with a run on a clean working tree (the index is keyed by
 * tia's build, and a store made with an edit in the tree serves the next edits less well), for instance
 * {@code TIA_JAVA_OPTS=-Dtia.cacheDir=DIR bin/tia affected --repo REPO --no-write}.
 */
public class CompareInJvm {
    /** One build: its engine's classes, reached by reflection, and a configuration with its cache folder. */
    static class Tia {
        final String name;
        final ClassLoader loader;
        final Object config;
        final Method analyze;
        final Class<?> engineClass;

        Tia(String name, String jar, Path repo, String cache) throws Exception {
            this.name = name;
            loader = new URLClassLoader(new URL[]{Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> cfg = loader.loadClass("dev.tia.engine.config.TiaConfig");
            Class<?> key = loader.loadClass("dev.tia.engine.config.ConfigKey");
            Object c = cfg.getMethod("defaults", Path.class).invoke(null, repo);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object cacheKey = Enum.valueOf((Class) key, "CACHE_DIR");
            config = cfg.getMethod("with", key, String.class).invoke(c, cacheKey, cache);
            engineClass = loader.loadClass("dev.tia.engine.TiaEngine");
            analyze = engineClass.getMethod("analyze", cfg);
        }
        Map<String, Long> run() throws Exception {
            Object analysis = analyze.invoke(engineClass.getConstructor().newInstance(), config);
            Object timings = analysis.getClass().getMethod("timings").invoke(analysis);
            Map<String, Long> out = new LinkedHashMap<>();
            long total = (long) timings.getClass().getMethod("totalNanos").invoke(timings);
            long git = 0;
            for (Object p : (List<?>) timings.getClass().getMethod("phases").invoke(timings)) {
                Method nameOf = p.getClass().getMethod("name");
                Method nanosOf = p.getClass().getMethod("nanos");
                nameOf.setAccessible(true);
                nanosOf.setAccessible(true);
                String name = (String) nameOf.invoke(p);
                long nanos = (long) nanosOf.invoke(p);
                out.merge(name, nanos, Long::sum);
                if (name.equals("open") || name.equals("changes")) {
                    git += nanos;
                }
            }
            out.put("OWN", total - git);
            out.put("TOTAL", total);
            return out;
        }
    }
    public static void main(String[] a) throws Exception {
        if (a.length < 8) {
            System.err.println("usage: java bench/CompareInJvm.java REPO FILE WARM_UP_ROUNDS MEASURED_ROUNDS"
                    + " OLD_CLI_JAR OLD_CACHE_DIR NEW_CLI_JAR NEW_CACHE_DIR [none]");
            System.exit(2);
        }
        Path repo = Path.of(a[0]);
        Path file = repo.resolve(a[1]);
        int warm = Integer.parseInt(a[2]);
        int measured = Integer.parseInt(a[3]);
        Tia[] tias = { new Tia("old", a[4], repo, a[5]), new Tia("new", a[6], repo, a[7]) };
        String original = Files.readString(file);
        boolean edit = a.length < 9 || !a[8].equals("none");
        Map<String, Map<String, List<Long>>> res = new LinkedHashMap<>();
        try {
            for (int run = 0; run < warm + measured; run++) {
                for (int t = 0; t < 2; t++) {
                    Tia tia = tias[(run + t) % 2];
                    if (edit) {
                        Files.writeString(file, original + "\nclass EngineLoopEdit" + System.nanoTime() + " { }\n");
                    }
                    Map<String, Long> phases = tia.run();
                    if (run >= warm) {
                        phases.forEach((phase, nanos) -> res.computeIfAbsent(tia.name, x -> new TreeMap<>())
                                .computeIfAbsent(phase, x -> new ArrayList<>()).add(nanos / 100_000));
                    }
                }
            }
        } finally {
            Files.writeString(file, original);
        }
        for (String k : res.get("old").keySet()) { // in the order of the names: OWN and TOTAL first
            System.out.printf("%-12s", k);
            for (Tia t : tias) {
                List<Long> v = new ArrayList<>(res.get(t.name).getOrDefault(k, List.of(0L)));
                Collections.sort(v);
                System.out.printf(" %s %6.1f", t.name, v.get(v.size() / 2) / 10.0);
            }
            System.out.println();
        }
    }
}
