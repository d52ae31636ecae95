import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic multi-module Maven repository for tia's benchmark: N main classes spread over N/500 modules
 * (at least 3), each module depending on up to three earlier ones, each class naming 3-8 others (mostly in its own
 * module, some in its dependencies) through imports, fields and calls of their {@code value(int)} methods, a
 * {@code weight()} method only the class's own test calls, and one test class per three main classes. Each module
 * also holds the text resources a service's module has (see {@link #writeResources}): 57 per module, 1,140 at 10k
 * classes. Deterministic for a given size.
 *
 * <p>Usage: {@code java bench/GenerateRepo.java CLASSES OUT_DIR} (then git init and commit it).
 */
public class GenerateRepo {

    public static void main(String[] args) throws IOException {
        int classes = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        int modules = Math.max(3, classes / 500);
        int perModule = classes / modules;
        Random random = new Random(42);
        List<List<Integer>> dependencies = new ArrayList<>();
        StringBuilder moduleList = new StringBuilder();
        for (int m = 0; m < modules; m++) {
            List<Integer> deps = new ArrayList<>();
            for (int d = 0; d < 3 && m > 0; d++) {
                int dep = random.nextInt(m);
                if (!deps.contains(dep)) {
                    deps.add(dep);
                }
            }
            dependencies.add(deps);
            moduleList.append("    <module>modules/m").append(m).append("</module>\n");
        }
        write(out.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>root</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
                </project>
                """.formatted(moduleList));
        for (int m = 0; m < modules; m++) {
            StringBuilder deps = new StringBuilder();
            for (int dep : dependencies.get(m)) {
                deps.append("    <dependency><groupId>bench</groupId><artifactId>m").append(dep).append("</artifactId><version>1</version></dependency>\n");
            }
            Path module = out.resolve("modules/m" + m);
            write(module.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <parent><groupId>bench</groupId><artifactId>root</artifactId><version>1</version><relativePath>../../pom.xml</relativePath></parent>
                      <artifactId>m%d</artifactId>
                      <dependencies>
                    %s  </dependencies>
                    </project>
                    """.formatted(m, deps));
            writeResources(module, m, perModule);
            for (int c = 0; c < perModule; c++) {
                String pkg = "bench.m" + m + ".p" + (c % 10);
                String name = "C" + c;
                StringBuilder imports = new StringBuilder();
                StringBuilder fields = new StringBuilder();
                StringBuilder calls = new StringBuilder();
                int references = 3 + random.nextInt(6);
                for (int r = 0; r < references; r++) {
                    int targetModule = m;
                    if (!dependencies.get(m).isEmpty() && random.nextInt(4) == 0) {
                        targetModule = dependencies.get(m).get(random.nextInt(dependencies.get(m).size()));
                    }
                    int target = targetModule == m ? random.nextInt(Math.max(1, c)) : random.nextInt(perModule);
                    if (targetModule == m && target == c) {
                        continue;
                    }
                    String targetPkg = "bench.m" + targetModule + ".p" + (target % 10);
                    String alias = "f" + r;
                    if (targetPkg.equals(pkg)) {
                        fields.append("    private final C").append(target).append(' ').append(alias).append(" = null;\n");
                    } else {
                        imports.append("import ").append(targetPkg).append(".C").append(target).append(";\n");
                        fields.append("    private final C").append(target).append(' ').append(alias).append(" = null;\n");
                    }
                    calls.append("        total += ").append(alias).append(" == null ? ").append(r).append(" : ").append(alias).append(".value(depth - 1);\n");
                }
                write(module.resolve("src/main/java/" + pkg.replace('.', '/') + "/" + name + ".java"), """
                        package %s;

                        import java.util.List;
                        %s
                        /** Generated class %s of module m%d. */
                        public class %s {
                        %s
                            public int value(int depth) {
                                if (depth <= 0) {
                                    return 1;
                                }
                                int total = 0;
                        %s        return total + List.of(1, 2, 3).size();
                            }

                            /** Called by this class's own test only: a body edit here is member-level narrowing's best case. */
                            public int weight() {
                                return %d;
                            }

                            @Override
                            public String toString() {
                                return "%s";
                            }
                        }
                        """.formatted(pkg, imports, name, m, name, fields, calls, c + 1, name));
                if (c % 3 == 0) {
                    write(module.resolve("src/test/java/" + pkg.replace('.', '/') + "/" + name + "Test.java"), """
                            package %s;

                            import static org.junit.jupiter.api.Assertions.assertTrue;

                            import org.junit.jupiter.api.Test;

                            class %sTest {
                                @Test
                                void positive() {
                                    assertTrue(new %s().value(2) >= 0 && new %s().weight() > 0);
                                }
                            }
                            """.formatted(pkg, name, name, name));
                }
            }
        }
    }

    /**
     * A module's text resources, which tia reads for the names they hold: its configuration naming two of its classes,
     * a services file, messages in four languages (keys that read as qualified names), a Spring context naming twenty
     * classes, and test data in JSON naming none, one file per ten classes. They name the module's last classes, so
     * that the files the benchmark edits, its first ones, are as before: named by no resource (a class a resource
     * names has every method's callers selected, as a framework may call any of them).
     */
    private static void writeResources(Path module, int m, int perModule) throws IOException {
        // A random of its own: the classes stay those of the generator before resources.
        Random random = new Random(m);
        Path main = module.resolve("src/main/resources");
        write(main.resolve("application.yml"), """
                server:
                  port: 8080
                spring:
                  application:
                    name: m%d
                bench:
                  handler: %s
                  fallback: %s
                logging:
                  level:
                    bench.m%d: DEBUG
                """.formatted(m, className(m, perModule - 1), className(m, perModule - 2), m));
        write(main.resolve("META-INF/services/" + className(m, perModule - 3)),
                className(m, perModule - 4) + "\n" + className(m, perModule - 5) + "\n");
        for (String language : new String[] {"en", "de", "fr", "es"}) {
            StringBuilder messages = new StringBuilder();
            for (int key = 0; key < 40; key++) {
                messages.append("error.m").append(m).append(".code").append(key).append(".message=Item ").append(key)
                        .append(" could not be processed (").append(language).append(")\n");
            }
            write(main.resolve("i18n/messages_" + language + ".properties"), messages.toString());
        }
        StringBuilder beans = new StringBuilder("<beans xmlns=\"http://www.springframework.org/schema/beans\">\n");
        for (int bean = 0; bean < 20; bean++) {
            beans.append("  <bean id=\"b").append(bean).append("\" class=\"").append(className(m, perModule - 6 - bean))
                    .append("\"/>\n");
        }
        write(main.resolve("spring/context.xml"), beans.append("</beans>\n").toString());
        for (int fixture = 0; fixture < perModule / 10; fixture++) {
            StringBuilder json = new StringBuilder("[\n");
            for (int item = 0; item < 12; item++) {
                json.append("  {\"id\": ").append(item).append(", \"name\": \"item-").append(item)
                        .append("\", \"price\": ").append(random.nextInt(10_000) / 100.0)
                        .append(", \"tags\": [\"a\", \"b\"], \"owner\": {\"email\": \"user").append(item)
                        .append("@example.com\", \"active\": true}}").append(item < 11 ? ",\n" : "\n");
            }
            write(module.resolve("src/test/resources/fixtures/case" + fixture + ".json"), json.append("]\n").toString());
        }
    }

    /** The qualified name of class {@code c} of module {@code m} (its package is {@code c % 10}'s, as generated). */
    private static String className(int m, int c) {
        int index = Math.max(0, c);
        return "bench.m" + m + ".p" + (index % 10) + ".C" + index;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
