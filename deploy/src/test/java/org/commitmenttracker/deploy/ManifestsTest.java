package org.commitmenttracker.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay of deploy/k8s (and the base) with kubectl kustomize and checks the invariants of
 * {@link ManifestRules} on the rendered objects. Needs kubectl (or kustomize) on the PATH; .ci/run installs it.
 */
class ManifestsTest {
    static final Path K8S = PlatformModel.ROOT.resolve("deploy/k8s");
    static PlatformModel model;

    @BeforeAll
    static void model() {
        model = PlatformModel.load();
    }

    static Stream<String> overlays() throws IOException {
        List<String> dirs = new ArrayList<>();
        dirs.add("base");
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            overlays.filter(Files::isDirectory).sorted().forEach(d -> dirs.add("overlays/" + d.getFileName()));
        }
        return dirs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void renderedObjectsKeepTheInvariants(String dir) {
        List<Map<String, Object>> objects = Kustomize.render(K8S.resolve(dir));
        assertThat(objects).as("objects rendered from deploy/k8s/" + dir).isNotEmpty();
        List<String> violations = ManifestRules.check(model, objects);
        if (!violations.isEmpty()) {
            fail("deploy/k8s/" + dir + " breaks " + violations.size() + " rule(s):\n  - " + String.join("\n  - ", violations));
        }
    }

    @Test
    void theModelComesFromTheCode() {
        assertThat(model.topics()).contains("communiques", "commitments", "progress", "status-changes", "deadlines");
        assertThat(model.consumedTopics().get("extraction-service")).containsExactly("communiques");
        assertThat(model.deadLetterTopics().get("notification-service"))
                .contains("status-changes.notification.dlq", "deadlines.notification.dlq");
    }

    @Test
    void prodIsHighlyAvailable() {
        List<Map<String, Object>> objects = Kustomize.render(K8S.resolve("overlays/prod"));
        Map<String, Object> kafka = objects.stream().filter(o -> "Kafka".equals(K8s.kind(o))).findFirst().orElseThrow();
        assertThat(K8s.get(kafka, "spec", "kafka", "config", "min.insync.replicas")).isEqualTo(2);
        assertThat(objects.stream().filter(o -> "KafkaNodePool".equals(K8s.kind(o))).map(K8s::name))
                .containsExactlyInAnyOrder("controllers", "brokers");
        assertThat(objects.stream().filter(o -> "KafkaTopic".equals(K8s.kind(o)))
                .map(t -> K8s.get(t, "spec", "replicas")).distinct()).containsExactly(3);
        assertThat(objects.stream().filter(o -> "NetworkPolicy".equals(K8s.kind(o))).map(K8s::name)).contains("tracker-default-deny");
        assertThat(objects.stream().filter(o -> "ScaledObject".equals(K8s.kind(o))).map(K8s::name))
                .containsExactlyInAnyOrder("extraction-service", "commitment-registry-service", "notification-service");
    }

    /** The rules catch what they promise, and name the object. */
    @Test
    void violationsNameTheObject() {
        String yaml = Kustomize.renderText(K8S.resolve("base"))
                .replace("image: commitment-tracker/extraction-service:0.1.0-SNAPSHOT", "image: commitment-tracker/extraction-service:latest")
                .replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")
                .replace("maxReplicas: 3", "maxReplicas: 7")
                .replace("topicName: deadlines\n", "topicName: deadlines-renamed\n")
                .replace("  SERVER_PORT: \"8080\"\n", "  SERVER_PORT: \"8080\"\n  MONGODB_PASSWORD: hunter2\n");
        List<String> violations = ManifestRules.check(model, Kustomize.parse(yaml));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/extraction-service: container extraction-service: image")
                && v.contains(":latest"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/ingestion-service") && v.contains("readOnlyRootFilesystem"));
        assertThat(violations).anyMatch(v -> v.startsWith("HorizontalPodAutoscaler/notification-service: allows 7 replicas")
                && v.contains("has only 3 partitions"));
        assertThat(violations).anyMatch(v -> v.startsWith("KafkaTopic/deadlines is missing"));
        assertThat(violations).anyMatch(v -> v.startsWith("ConfigMap/") && v.contains("MONGODB_PASSWORD"));
    }
}
