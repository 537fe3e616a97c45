package org.commitmenttracker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Pulling the base image needs a registry, which this build host cannot reach: so the build checks the image
 * configuration instead, i.e. the {@code images} profile of services/pom.xml with its properties resolved, and the
 * copy of it in services/dashboard/pom.xml (whose parent is the root, not services/pom.xml).
 */
class ImageConfigurationTest {
    static Element jib;
    static Map<String, String> properties = new HashMap<>();
    static Document pom;

    @BeforeAll
    static void parse() throws Exception {
        pom = read("services/pom.xml");
        Element profile = profile(pom, "images");
        properties.putAll(properties(profile));
        jib = jib(profile);
        assertThat(jib).as("services/pom.xml profile images configures com.google.cloud.tools:jib-maven-plugin").isNotNull();
    }

    @Test
    void baseImageIsAJavaRuntimePinnedByDigest() {
        String base = resolve(text(child(child(jib, "configuration"), "from"), "image"));
        assertThat(base).as("from.image of the images profile").matches("[\\w./-]*eclipse-temurin:(21|25)-jre[\\w.-]*@sha256:[0-9a-f]{64}");
    }

    @Test
    void runsAsANumericNonRootUser() {
        String user = text(child(child(jib, "configuration"), "container"), "user");
        assertThat(user).as("container.user").matches("[1-9]\\d*(:[1-9]\\d*)?");
        // The pods run as the same id (runAsUser), so files the image owns stay readable.
        String uid = user.split(":")[0];
        List<Map<String, Object>> objects = Kustomize.render(ManifestsTest.K8S.resolve("base"));
        objects.stream().filter(o -> "Deployment".equals(K8s.kind(o))).forEach(d -> assertThat(
                String.valueOf(K8s.get(d, "spec", "template", "spec", "securityContext", "runAsUser")))
                .as(K8s.id(d) + " runAsUser").isEqualTo(uid));
    }

    @Test
    void jvmIsContainerAware() {
        List<String> flags = new ArrayList<>();
        for (Element flag : children(child(child(child(jib, "configuration"), "container"), "jvmFlags"))) {
            flags.add(flag.getTextContent().trim());
        }
        assertThat(flags).as("container.jvmFlags").contains("-XX:+ExitOnOutOfMemoryError")
                .anyMatch(f -> f.matches("-XX:MaxRAMPercentage=(\\d+)") && Integer.parseInt(f.substring("-XX:MaxRAMPercentage=".length())) <= 80)
                .noneMatch(f -> f.startsWith("-Xmx"));
    }

    @Test
    void layeredAndEveryServiceHasItsMainClass() {
        Element configuration = child(jib, "configuration");
        // Jib's default (exploded) puts dependencies, resources and classes in separate layers; "packaged" would
        // put the whole jar in one.
        assertThat(text(configuration, "containerizingMode")).as("containerizingMode").isIn(null, "exploded");
        assertThat(text(child(configuration, "container"), "mainClass")).isEqualTo("${image.main-class}");
        for (String service : PlatformModel.SERVICES) {
            boolean found = false;
            for (Element profile : children(child(pom.getDocumentElement(), "profiles"))) {
                String exists = text(child(child(profile, "activation"), "file"), "exists");
                String mainClass = text(child(profile, "properties"), "image.main-class");
                if (exists != null && mainClass != null
                        && exists.equals("${basedir}/src/main/java/" + mainClass.replace('.', '/') + ".java")
                        && PlatformModel.ROOT.resolve("services").resolve(service)
                                .resolve(exists.substring("${basedir}/".length())).toFile().isFile()) {
                    found = true;
                }
            }
            assertThat(found).as("a profile of services/pom.xml sets image.main-class for " + service).isTrue();
        }
    }

    /** Every web component builds its image with the very same profile, plus its own main class. */
    @Test
    void webComponentsCopyTheServicesImageProfile() throws Exception {
        for (String component : PlatformModel.WEB_COMPONENTS) {
            String path = "services/" + component + "/pom.xml";
            Element profile = profile(read(path), "images");
            Map<String, String> copied = properties(profile);
            String mainClass = copied.remove("image.main-class");
            assertThat(copied).as(path + " profile images: properties").isEqualTo(properties);
            assertThat(canonical(jib(profile))).as(path + " profile images: the jib-maven-plugin").isEqualTo(canonical(jib));
            assertThat(mainClass).as(path + " profile images: image.main-class").isNotNull();
            assertThat(PlatformModel.ROOT.resolve("services").resolve(component)
                    .resolve("src/main/java/" + mainClass.replace('.', '/') + ".java")).as("the main class of " + component).isRegularFile();
        }
    }

    @Test
    void pushedWhereThePipelineSays() {
        String to = resolve(text(child(child(jib, "configuration"), "to"), "image"));
        assertThat(to).isEqualTo("registry.example.com/commitment-tracker/${project.artifactId}:${project.version}");
    }

    private static String resolve(String value) {
        String result = value;
        for (int i = 0; i < 5; i++) {
            for (Map.Entry<String, String> property : properties.entrySet()) {
                result = result.replace("${" + property.getKey() + "}", property.getValue());
            }
        }
        return result;
    }

    private static Document read(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(PlatformModel.ROOT.resolve(path).toFile());
    }

    private static Element profile(Document document, String id) {
        for (Element profile : children(child(document.getDocumentElement(), "profiles"))) {
            if (id.equals(text(profile, "id"))) {
                return profile;
            }
        }
        throw new AssertionError(document.getDocumentURI() + " has no profile " + id);
    }

    private static Map<String, String> properties(Element profile) {
        Map<String, String> result = new HashMap<>();
        for (Element property : children(child(profile, "properties"))) {
            result.put(property.getTagName(), property.getTextContent().trim());
        }
        return result;
    }

    private static Element jib(Element profile) {
        for (Element plugin : children(child(child(profile, "build"), "plugins"))) {
            if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        return null;
    }

    /** An element as text without layout and comments: tags and trimmed values, in document order. */
    private static String canonical(Element element) {
        if (element == null) {
            return null;
        }
        List<Element> elements = children(element);
        if (elements.isEmpty()) {
            return "<" + element.getTagName() + ">" + element.getTextContent().trim();
        }
        StringBuilder text = new StringBuilder("<" + element.getTagName() + ">");
        elements.forEach(child -> text.append(canonical(child)));
        return text.append("</").append(element.getTagName()).append(">").toString();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Element child : children(parent)) {
            if (name == null || child.getTagName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                result.add((Element) nodes.item(i));
            }
        }
        return result;
    }
}
