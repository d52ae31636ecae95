package dev.tia.engine.select;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Test classes with a failure or error, from the Surefire/Failsafe XML reports of one report folder. */
public final class FailedTests {

    private FailedTests() {
    }

    /** @param since only reports written at or after this time (milliseconds), so earlier builds do not count */
    public static Set<String> in(Path reportFolder, long since) {
        Set<String> failed = new TreeSet<>();
        if (!Files.isDirectory(reportFolder)) {
            return failed;
        }
        try (Stream<Path> files = Files.list(reportFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                    .filter(f -> f.toFile().lastModified() >= since).toList()) {
                read(file, failed);
            }
        } catch (IOException e) {
            // an unreadable folder has no failures to offer
        }
        return failed;
    }

    private static void read(Path file, Set<String> failed) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("testsuite")) {
                    String name = xml.getAttributeValue(null, "name");
                    int failures = count(xml.getAttributeValue(null, "failures")) + count(xml.getAttributeValue(null, "errors"));
                    if (name != null && failures > 0) {
                        failed.add(name.contains("$") ? name.substring(0, name.indexOf('$')) : name);
                    }
                    return;
                }
            }
        } catch (IOException | XMLStreamException e) {
            // a broken report is not evidence of a failure tia could have hidden
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
