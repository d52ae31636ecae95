package dev.tia.engine.report;

import dev.tia.engine.TiaException;
import dev.tia.engine.select.Selection;
import dev.tia.engine.select.TestResult;
import dev.tia.engine.select.TestStatus;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The tests tia left out, as JUnit XML test cases marked skipped, so CI test dashboards list them next to the
 * ones that ran (one {@code testcase} per class, with the reason).
 */
public final class JunitXmlReport {

    private JunitXmlReport() {
    }

    public static String render(Selection selection) {
        List<TestResult> left = selection.tests().stream().filter(t -> t.status() != TestStatus.SELECTED).toList();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "tia");
            xml.writeAttribute("tests", String.valueOf(left.size()));
            xml.writeAttribute("skipped", String.valueOf(left.size()));
            xml.writeAttribute("failures", "0");
            xml.writeAttribute("errors", "0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "tia: tests left out of this run");
            xml.writeAttribute("tests", String.valueOf(left.size()));
            xml.writeAttribute("skipped", String.valueOf(left.size()));
            xml.writeAttribute("failures", "0");
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", "0");
            for (TestResult test : left) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", test.className());
                xml.writeAttribute("name", test.className().substring(test.className().lastIndexOf('.') + 1));
                xml.writeAttribute("time", "0");
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", test.status() == TestStatus.SKIPPED ? "not affected by the change"
                        : "affected, but excluded by tag in " + selection.mode().id() + " mode");
                xml.writeCharacters(test.reason());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return text + "\n";
    }

    public static void write(Selection selection, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, render(selection));
        } catch (IOException e) {
            throw new TiaException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
