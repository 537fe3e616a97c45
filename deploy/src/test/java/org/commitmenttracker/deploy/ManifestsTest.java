package org.commitmenttracker.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * Actuator stays on the management port, private to Prometheus and the kubelet; secrets come from Secrets; every
     * API knows its token issuer. Each broken rule is reported against the object that breaks it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void managementPortSecretsAndIssuerViolationsNameTheObject() {
        List<Map<String, Object>> objects = Kustomize.render(K8S.resolve("overlays/prod"));
        Map<String, Object> ingestion = container(objects, "ingestion-service");
        ((Map<String, Object>) K8s.map(ingestion, "readinessProbe", "httpGet")).put("port", "http");
        K8s.map(object(objects, "Deployment", "commitment-registry-service"), "spec", "template", "metadata", "annotations")
                .put("prometheus.io/port", "8080");
        K8s.list(object(objects, "Service", "extraction-service"), "spec", "ports").get(0).put("targetPort", 9080);
        Map<String, Object> secretKey = K8s.list(container(objects, "notification-service"), "env").stream()
                .filter(e -> "TRACKER_NOTIFICATION_SECRETS_KEY".equals(K8s.string(e, "name")))
                .findFirst().orElseThrow();
        secretKey.remove("valueFrom");
        secretKey.put("value", "c2VjcmV0");
        List<Map<String, Object>> extractionEnv = (List<Map<String, Object>>) container(objects, "extraction-service").get("env");
        extractionEnv.add(new HashMap<>(Map.of("name", "TRACKER_SIGNING_KEY",
                "valueFrom", Map.of("configMapKeyRef", Map.of("name", "extraction-service", "key", "k")))));
        extractionEnv.add(new HashMap<>(Map.of("name", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION", "value", "file:/k.pem")));
        extractionEnv.add(new HashMap<>(Map.of("name", "TRACKER_SECURITY_KEY_CLAIM", "value", "kid")));
        K8s.map(object(objects, "ConfigMap", "ingestion-service"), "data").put("MANAGEMENT_PORT", "9090");
        Map<String, Object> security = objects.stream().filter(o -> "ConfigMap".equals(K8s.kind(o))
                && K8s.name(o).startsWith("tracker-security")).findFirst().orElseThrow();
        K8s.map(security, "data").remove(ManifestRules.ISSUER_URI);
        K8s.map(object(objects, "NetworkPolicy", "tracker-api-ingress"), "spec").put("ingress",
                List.of(Map.of("from", List.of(Map.of("namespaceSelector", Map.of())), "ports", List.of(Map.of("port", 9080)))));

        List<String> violations = ManifestRules.check(model, objects);
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/ingestion-service: container ingestion-service: readinessProbe must target the port named management"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/commitment-registry-service: pod annotations") && v.contains("prometheus.io/port=8080"));
        assertThat(violations).anyMatch(v -> v.startsWith("Service/extraction-service: exposes the management port (9080)"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: env TRACKER_NOTIFICATION_SECRETS_KEY must come from the Secret notification-service-secrets-key/key"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: env TRACKER_NOTIFICATION_SECRETS_KEY looks like a credential"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/extraction-service: container extraction-service: env TRACKER_SIGNING_KEY looks like a credential"));
        assertThat(violations).noneMatch(v -> v.contains("PUBLICKEYLOCATION") || v.contains("TRACKER_SECURITY_KEY_CLAIM"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/ingestion-service: container ingestion-service: MANAGEMENT_PORT is 9090 but the container port is 9080"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: needs the token issuer"));
        assertThat(violations).anyMatch(v -> v.startsWith("NetworkPolicy/tracker-api-ingress: opens the management port"));
        assertThat(violations).noneMatch(v -> v.startsWith("NetworkPolicy/tracker-services-metrics"));
    }

    @Test
    void theIssuerIsSetPerEnvironment() {
        assertThat(issuer("overlays/dev")).isNotEqualTo(issuer("overlays/prod")).startsWith("https://");
        assertThat(issuer("overlays/prod")).isEqualTo("https://login.example.gov/realms/commitment-tracker");
    }

    private static String issuer(String dir) {
        return Kustomize.render(K8S.resolve(dir)).stream()
                .filter(o -> "ConfigMap".equals(K8s.kind(o)) && K8s.name(o).startsWith("tracker-security-"))
                .map(o -> K8s.string(o, "data", ManifestRules.ISSUER_URI)).findFirst().orElseThrow();
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(K8s.kind(o)) && name.equals(K8s.name(o))).findFirst().orElseThrow();
    }

    private static Map<String, Object> container(List<Map<String, Object>> objects, String deployment) {
        return K8s.list(object(objects, "Deployment", deployment), "spec", "template", "spec", "containers").get(0);
    }
}
