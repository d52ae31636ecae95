package dev.tia.engine.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import dev.tia.engine.TiaException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/** Reads the parts of a {@code pom.xml} that decide modules, their dependencies and their source roots. */
final class PomReader {

    private PomReader() {
    }

    /**
     * Parses a pom.
     *
     * @throws TiaException naming the file and line when the XML is not well formed or not a pom
     */
    static PomModel read(String path, byte[] content) {
        Element project = parse(path, content).getDocumentElement();
        if (!"project".equals(localName(project))) {
            throw new TiaException(path + ": the root element is <" + localName(project) + ">, not <project>");
        }
        // <relativePath/> (present but empty) means the parent is not looked up in the repository at all.
        Optional<PomModel.Parent> parent = child(project, "parent").map(p -> new PomModel.Parent(
                text(p, "groupId").orElse(""),
                text(p, "artifactId").orElse(""),
                text(p, "version"),
                child(p, "relativePath").map(r -> r.getTextContent().trim()).orElse("../pom.xml")));
        String artifactId = text(project, "artifactId")
                .orElseThrow(() -> new TiaException(path + ": no <artifactId>; is this a Maven pom?"));

        List<String> modules = new ArrayList<>();
        children(project, "modules").forEach(m -> modules.addAll(texts(m, "module")));
        for (Element profile : profilesOf(project)) {
            // Modules of any profile count: tia must know every module that some build can contain.
            children(profile, "modules").forEach(m -> modules.addAll(texts(m, "module")));
        }

        Map<String, String> properties = new LinkedHashMap<>();
        child(project, "properties").ifPresent(p -> childElements(p).forEach(e -> properties.put(localName(e), e.getTextContent().trim())));

        Optional<Element> build = child(project, "build");
        return new PomModel(
                text(project, "groupId"),
                artifactId,
                text(project, "version"),
                text(project, "packaging").orElse("jar"),
                parent,
                ImmutableList.copyOf(modules),
                dependencies(project),
                ImmutableMap.copyOf(properties),
                build.flatMap(b -> text(b, "sourceDirectory")),
                build.flatMap(b -> text(b, "testSourceDirectory")),
                build.map(b -> directories(b, "resources", "resource")).orElse(ImmutableList.of()),
                build.map(b -> directories(b, "testResources", "testResource")).orElse(ImmutableList.of()),
                helperSources(project, "add-source"),
                helperSources(project, "add-test-source"));
    }

    /**
     * One parser per thread, reset between poms: finding the XML implementation (a service lookup that scans the
     * class path) and configuring it cost more than parsing a small pom, and a reactor has dozens of them.
     * Builders are not thread-safe, hence one per thread.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(PomReader::newBuilder);

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static Document parse(String path, byte[] content) {
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw new TiaException(path + " line " + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new TiaException(path + ": cannot parse: " + e.getMessage(), e);
        } finally {
            builder.reset(); // back to the state the factory made it in; the error handler is not part of that
            builder.setErrorHandler(null);
        }
    }

    private static ImmutableList<Coordinates> dependencies(Element project) {
        List<Coordinates> found = new ArrayList<>();
        List<Element> scopes = new ArrayList<>();
        scopes.add(project);
        scopes.addAll(profilesOf(project));
        for (Element scope : scopes) {
            children(scope, "dependencies").forEach(d -> addDependencies(d, found));
            children(scope, "dependencyManagement").forEach(dm -> children(dm, "dependencies").forEach(deps -> {
                for (Element dependency : children(deps, "dependency")) {
                    // Only an imported BOM is a real edge; managed versions alone put nothing on a classpath.
                    if ("import".equals(text(dependency, "scope").orElse(""))) {
                        found.add(coordinates(dependency));
                    }
                }
            }));
            children(scope, "build").forEach(build -> {
                pluginsOf(build).forEach(plugin -> {
                    found.add(new Coordinates(text(plugin, "groupId").orElse("org.apache.maven.plugins"),
                            text(plugin, "artifactId").orElse("")));
                    children(plugin, "dependencies").forEach(d -> addDependencies(d, found));
                });
                children(build, "extensions").forEach(ext -> children(ext, "extension").forEach(e -> found.add(coordinates(e))));
            });
        }
        return ImmutableList.copyOf(found);
    }

    private static void addDependencies(Element dependencies, List<Coordinates> into) {
        children(dependencies, "dependency").forEach(d -> into.add(coordinates(d)));
    }

    private static Coordinates coordinates(Element element) {
        return new Coordinates(text(element, "groupId").orElse(""), text(element, "artifactId").orElse(""));
    }

    private static List<Element> pluginsOf(Element build) {
        List<Element> plugins = new ArrayList<>();
        children(build, "plugins").forEach(p -> plugins.addAll(children(p, "plugin")));
        children(build, "pluginManagement").forEach(pm -> children(pm, "plugins").forEach(p -> plugins.addAll(children(p, "plugin"))));
        return plugins;
    }

    private static ImmutableList<String> helperSources(Element project, String goal) {
        List<String> sources = new ArrayList<>();
        for (Element build : children(project, "build")) {
            for (Element plugin : pluginsOf(build)) {
                if (!"build-helper-maven-plugin".equals(text(plugin, "artifactId").orElse(""))) {
                    continue;
                }
                for (Element executions : children(plugin, "executions")) {
                    for (Element execution : children(executions, "execution")) {
                        boolean matches = children(execution, "goals").stream().anyMatch(g -> texts(g, "goal").contains(goal));
                        if (matches) {
                            children(execution, "configuration").forEach(c -> children(c, "sources")
                                    .forEach(s -> sources.addAll(texts(s, "source"))));
                        }
                    }
                }
            }
        }
        return ImmutableList.copyOf(sources);
    }

    private static ImmutableList<String> directories(Element build, String listName, String itemName) {
        List<String> directories = new ArrayList<>();
        children(build, listName).forEach(list -> children(list, itemName)
                .forEach(item -> text(item, "directory").ifPresent(directories::add)));
        return ImmutableList.copyOf(directories);
    }

    private static List<Element> profilesOf(Element project) {
        List<Element> profiles = new ArrayList<>();
        children(project, "profiles").forEach(p -> profiles.addAll(children(p, "profile")));
        return profiles;
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Element element : childElements(parent)) {
            if (name.equals(localName(element))) {
                result.add(element);
            }
        }
        return result;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                result.add((Element) nodes.item(i));
            }
        }
        return result;
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim()).filter(t -> !t.isEmpty());
    }

    private static List<String> texts(Element parent, String name) {
        List<String> result = new ArrayList<>();
        children(parent, name).forEach(e -> {
            String text = e.getTextContent().trim();
            if (!text.isEmpty()) {
                result.add(text);
            }
        });
        return result;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
