package dev.tia.engine.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A pom edit that only moves the versions of dependencies: a {@code <version>} of a dependency (declared or
 * managed), or a property used by nothing but such versions. Only the modules whose test class path holds one of
 * those artifacts can behave differently, which the Maven plugin can check from resolved class paths.
 *
 * <p>Anything else keeps the pom's usual rule: a plugin, a build setting, the parent, the project's own version,
 * a BOM import (it moves artifacts tia cannot list), a property used elsewhere or with resource filtering on
 * (filtered resources may read it), added or removed elements.
 */
public final class PomVersionChange {

    private PomVersionChange() {
    }

    /**
     * The {@code groupId:artifactId} of every dependency whose version moves from {@code base} to {@code head}, or
     * empty when the edit does anything else.
     *
     * @param headPoms every pom of the workspace at head: where a changed property may be used
     */
    public static Optional<Set<String>> between(byte[] base, byte[] head, Collection<byte[]> headPoms) {
        Optional<Element> before = parse(base);
        Optional<Element> after = parse(head);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Set<String> artifacts = new TreeSet<>();
        Set<String> properties = new LinkedHashSet<>();
        if (!compare(before.get(), after.get(), artifacts, properties)) {
            return Optional.empty();
        }
        if (!properties.isEmpty()) {
            List<Element> poms = new ArrayList<>();
            for (byte[] pom : headPoms) {
                Optional<Element> root = parse(pom);
                if (root.isEmpty()) {
                    return Optional.empty();
                }
                poms.add(root.get());
            }
            for (String property : properties) {
                boolean used = false;
                for (Element pom : poms) {
                    Use use = use(pom, "${" + property + "}", artifacts);
                    if (use == Use.ELSEWHERE) {
                        return Optional.empty();
                    }
                    used |= use == Use.DEPENDENCY_VERSIONS;
                }
                if (!used) {
                    return Optional.empty(); // a property no pom names may be read by a plugin (maven.compiler.release)
                }
            }
        }
        return artifacts.isEmpty() ? Optional.empty() : Optional.of(artifacts);
    }

    /** Walks two trees side by side; false as soon as they differ anywhere but in a dependency version or a property. */
    private static boolean compare(Element base, Element head, Set<String> artifacts, Set<String> properties) {
        if (!base.getLocalName().equals(head.getLocalName()) || !attributes(base).equals(attributes(head))) {
            return false;
        }
        List<Element> baseChildren = children(base);
        List<Element> headChildren = children(head);
        if (baseChildren.size() != headChildren.size()) {
            return false;
        }
        if (baseChildren.isEmpty()) {
            if (text(base).equals(text(head))) {
                return true;
            }
            if (isDependencyVersion(head)) {
                Optional<String> artifact = artifactOf((Element) head.getParentNode());
                artifact.ifPresent(artifacts::add);
                return artifact.isPresent();
            }
            if (isProperty(head)) {
                properties.add(head.getLocalName());
                return true;
            }
            return false;
        }
        if (!text(base).equals(text(head))) {
            return false;
        }
        for (int i = 0; i < baseChildren.size(); i++) {
            if (!compare(baseChildren.get(i), headChildren.get(i), artifacts, properties)) {
                return false;
            }
        }
        return true;
    }

    /** How one pom uses a property. */
    private enum Use { NOWHERE, DEPENDENCY_VERSIONS, ELSEWHERE }

    /**
     * How {@code pom} uses {@code reference}: only as whole dependency versions (their artifacts are added to
     * {@code artifacts}), or somewhere else; resource filtering counts as elsewhere, since filtered files may read it.
     */
    private static Use use(Element pom, String reference, Set<String> artifacts) {
        List<Element> all = new ArrayList<>();
        collect(pom, all);
        Use use = Use.NOWHERE;
        for (Element element : all) {
            if (element.getLocalName().equals("filtering") && text(element).equals("true")) {
                return Use.ELSEWHERE;
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                if (attributes.item(i).getNodeValue().contains(reference)) {
                    return Use.ELSEWHERE;
                }
            }
            if (!children(element).isEmpty() || !text(element).contains(reference)) {
                continue;
            }
            Optional<String> artifact = isDependencyVersion(element) && text(element).equals(reference)
                    ? artifactOf((Element) element.getParentNode()) : Optional.empty();
            if (artifact.isEmpty()) {
                return Use.ELSEWHERE;
            }
            artifacts.add(artifact.get());
            use = Use.DEPENDENCY_VERSIONS;
        }
        return use;
    }

    /** {@code dependencies/dependency/version} of the project, its dependency management or a profile; not a plugin's. */
    private static boolean isDependencyVersion(Element element) {
        if (!element.getLocalName().equals("version")) {
            return false;
        }
        Node dependency = element.getParentNode();
        Node dependencies = dependency == null ? null : dependency.getParentNode();
        Node owner = dependencies == null ? null : dependencies.getParentNode();
        if (!(dependency instanceof Element) || !dependency.getLocalName().equals("dependency")
                || !dependencies.getLocalName().equals("dependencies") || !(owner instanceof Element)) {
            return false;
        }
        String ownerName = owner.getLocalName();
        return ownerName.equals("dependencyManagement") || ownerName.equals("project") || ownerName.equals("profile");
    }

    /** The {@code groupId:artifactId} of a dependency, unless it is a BOM import or its coordinates are expressions. */
    private static Optional<String> artifactOf(Element dependency) {
        String groupId = childText(dependency, "groupId");
        String artifactId = childText(dependency, "artifactId");
        if (groupId.isEmpty() || artifactId.isEmpty() || groupId.contains("${") || artifactId.contains("${")
                || childText(dependency, "scope").equals("import")) {
            return Optional.empty();
        }
        return Optional.of(groupId + ":" + artifactId);
    }

    private static boolean isProperty(Element element) {
        Node parent = element.getParentNode();
        Node owner = parent == null ? null : parent.getParentNode();
        return parent instanceof Element && parent.getLocalName().equals("properties") && owner instanceof Element
                && (owner.getLocalName().equals("project") || owner.getLocalName().equals("profile"));
    }

    private static String childText(Element element, String name) {
        for (Element child : children(element)) {
            if (child.getLocalName().equals(name)) {
                return text(child);
            }
        }
        return "";
    }

    private static void collect(Element element, List<Element> into) {
        into.add(element);
        children(element).forEach(child -> collect(child, into));
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) nodes.item(i));
            }
        }
        return children;
    }

    private static String text(Element element) {
        StringBuilder text = new StringBuilder();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue().trim());
            }
        }
        return text.toString();
    }

    private static Set<String> attributes(Element element) {
        Set<String> attributes = new TreeSet<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            attributes.add(map.item(i).getNodeName() + "=" + map.item(i).getNodeValue());
        }
        return attributes;
    }

    private static Optional<Element> parse(byte[] content) {
        return PomCanonical.parse(content);
    }
}
