package dev.tia.engine.project;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A pom as Maven reads it: elements, attributes and trimmed text in document order, without comments or layout.
 * Two poms with the same canonical form build the same way, so a change between them is a no-op.
 */
public final class PomCanonical {

    private PomCanonical() {
    }

    /** The canonical form, or empty when the content is not well-formed XML (then the change counts). */
    public static Optional<String> of(byte[] content) {
        return parse(content).map(root -> {
            StringBuilder out = new StringBuilder();
            write(root, out);
            return out.toString();
        });
    }

    /** The root element of a pom without comments, or empty when it is not well-formed XML. */
    static Optional<Element> parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setIgnoringComments(true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new ByteArrayInputStream(content)).getDocumentElement());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void write(Element element, StringBuilder out) {
        out.append('<').append(element.getNamespaceURI()).append(':').append(element.getLocalName());
        NamedNodeMap attributes = element.getAttributes();
        List<String> sorted = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            sorted.add(attribute.getNodeName() + "=" + attribute.getNodeValue());
        }
        sorted.sort(String::compareTo);
        sorted.forEach(a -> out.append(' ').append(a));
        out.append('>');
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                write((Element) child, out);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().trim();
                if (!text.isEmpty()) {
                    out.append('"').append(text).append('"');
                }
            }
        }
        out.append("</>");
    }
}
