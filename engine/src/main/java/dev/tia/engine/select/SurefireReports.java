package dev.tia.engine.select;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The {@code TEST-*.xml} reports Surefire and Failsafe write: one test class each, its time and its failures. */
final class SurefireReports {

    /**
     * One report.
     *
     * @param className the top-level test class ({@code Outer$Inner} reports count for {@code Outer})
     * @param failures failed plus erroneous tests
     */
    record Suite(String className, double seconds, int failures) {
    }

    private SurefireReports() {
    }

    /** Reports in every {@code surefire-reports} or {@code failsafe-reports} folder below {@code dir}. */
    static List<Suite> below(Path dir) {
        List<Suite> suites = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                    String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
                    return name.equals(".git") || name.equals("node_modules") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path parent = file.getParent() == null ? null : file.getParent().getFileName();
                    if (parent != null && parent.toString().matches("(surefire|failsafe)-reports") && isReport(file)) {
                        read(file).ifPresent(suites::add);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what could be read is all there is
        }
        return suites;
    }

    /** Reports in {@code folder} written at or after {@code since} (milliseconds), so earlier builds do not count. */
    static List<Suite> in(Path folder, long since) {
        List<Suite> suites = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return suites;
        }
        try (var files = Files.list(folder)) {
            files.filter(SurefireReports::isReport).filter(f -> f.toFile().lastModified() >= since)
                    .forEach(f -> read(f).ifPresent(suites::add));
        } catch (IOException e) {
            // an unreadable folder has no reports to offer
        }
        return suites;
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    /** The report's {@code testsuite}, or empty for a file that is broken (it then only loses its numbers). */
    private static Optional<Suite> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("testsuite")) {
                    String name = xml.getAttributeValue(null, "name");
                    if (name == null) {
                        return Optional.empty();
                    }
                    String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                    return Optional.of(new Suite(topLevel, seconds(xml.getAttributeValue(null, "time")),
                            count(xml.getAttributeValue(null, "failures")) + count(xml.getAttributeValue(null, "errors"))));
                }
            }
        } catch (IOException | XMLStreamException e) {
            // broken report
        }
        return Optional.empty();
    }

    private static double seconds(String value) {
        try {
            return value == null ? 0 : Double.parseDouble(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int count(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
