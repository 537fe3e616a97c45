package org.commitmenttracker.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.commitmenttracker.events.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * What the code says the platform is: the topics of {@link Topics} and, per service, the topics its consumer
 * bindings read and their dead-letter topics (from the service's own application.yml). The manifests are
 * checked against this, so there is no second list to keep in step.
 */
record PlatformModel(Set<String> topics, Map<String, Set<String>> consumedTopics, Map<String, Set<String>> deadLetterTopics) {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Set<String> SERVICES = Set.of("ingestion-service", "extraction-service",
            "commitment-registry-service", "notification-service");

    static PlatformModel load() {
        Map<String, Set<String>> consumed = new LinkedHashMap<>();
        Map<String, Set<String>> deadLetters = new LinkedHashMap<>();
        for (String service : new TreeSet<>(SERVICES)) {
            Map<String, Object> config = applicationYml(service);
            Set<String> destinations = new LinkedHashSet<>();
            Set<String> dlqs = new LinkedHashSet<>();
            K8s.map(config, "spring", "cloud", "stream", "bindings").forEach((binding, value) -> {
                if (binding.contains("-in-")) {
                    destinations.add(K8s.string(value, "destination"));
                }
            });
            K8s.map(config, "spring", "cloud", "stream", "kafka", "bindings").forEach((binding, value) -> {
                String dlq = K8s.string(value, "consumer", "dlq-name");
                if (dlq != null) {
                    dlqs.add(dlq);
                }
            });
            consumed.put(service, destinations);
            deadLetters.put(service, dlqs);
        }
        return new PlatformModel(topicConstants(), consumed, deadLetters);
    }

    /** Every {@code public static final String} of {@link Topics} that names a topic (not the suffix). */
    static Set<String> topicConstants() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
                    && !field.getName().endsWith("_SUFFIX")) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicationYml(String service) {
        Path file = ROOT.resolve("services").resolve(service).resolve("src/main/resources/application.yml");
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
