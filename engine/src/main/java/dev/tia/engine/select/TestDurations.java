package dev.tia.engine.select;

import dev.tia.engine.config.TiaConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** How long test classes took last time, read from Surefire and Failsafe XML reports ({@code TEST-*.xml}). */
public final class TestDurations {

    private TestDurations() {
    }

    /** The durations {@code config} names ({@code tia.durations}), or none: shards are then balanced by count. */
    public static Map<String, Double> configured(TiaConfig config) {
        return config.durationsDir().map(TestDurations::readReports).orElse(Map.of());
    }

    /** Seconds per test class name, from every report folder below {@code dir}; unreadable reports are skipped. */
    public static Map<String, Double> readReports(Path dir) {
        Map<String, Double> seconds = new TreeMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                    String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
                    return name.equals(".git") || name.equals("node_modules") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String parent = file.getParent() == null || file.getParent().getFileName() == null ? ""
                            : file.getParent().getFileName().toString();
                    String name = file.getFileName().toString();
                    if ((parent.equals("surefire-reports") || parent.equals("failsafe-reports"))
                            && name.startsWith("TEST-") && name.endsWith(".xml")) {
                        readSuite(file, seconds);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // durations only balance shards; without them shards are balanced by count
        }
        return seconds;
    }

    private static void readSuite(Path file, Map<String, Double> seconds) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("testsuite")) {
                    String name = xml.getAttributeValue(null, "name");
                    String time = xml.getAttributeValue(null, "time");
                    if (name != null && time != null) {
                        String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                        seconds.merge(topLevel, Double.parseDouble(time.replace(",", "")), Double::sum);
                    }
                    return;
                }
            }
        } catch (IOException | XMLStreamException | NumberFormatException e) {
            // a broken report only loses its duration
        }
    }
}
