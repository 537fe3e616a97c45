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
        assertThat(model.consumerGroups().get("commitment-registry-service"))
                .containsEntry("progress", "registry-progress").containsEntry("commitments", "registry-commitments");
        assertThat(model.deadLetterTopics().get("notification-service"))
                .contains("status-changes.notification.dlq", "deadlines.notification.dlq");
        assertThat(model.upstreams().get("dashboard")).containsEntry("TRACKER_DASHBOARD_REGISTRY_URL", "commitment-registry-service")
                .containsEntry("TRACKER_DASHBOARD_INGESTION_URL", "ingestion-service").hasSize(4);
        assertThat(model.shutdownPhaseSeconds()).containsEntry("ingestion-service", 2).containsEntry("dashboard", 30);
        PlatformModel.Mail mail = model.mail().get("notification-service");
        assertThat(mail.passwordEnv()).isEqualTo("SMTP_PASSWORD");
        assertThat(mail.usernameEnv()).isEqualTo("SMTP_USERNAME");
        assertThat(mail.defaultPort()).isEqualTo(587);
        assertThat(mail.linkEnvs()).contains("TRACKER_EMAIL_PUBLIC_BASE_URL", "TRACKER_EMAIL_COMMITMENT_URL");
        assertThat(model.mail()).containsOnlyKeys("notification-service");
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
        assertThat(objects.stream().filter(o -> "NetworkPolicy".equals(K8s.kind(o))).map(K8s::name))
                .contains("tracker-default-deny", "dashboard-egress", "tracker-api-from-dashboard", "notification-smtp-egress");
        assertThat(objects.stream().filter(o -> "ScaledObject".equals(K8s.kind(o))).map(K8s::name))
                .containsExactlyInAnyOrder("extraction-service", "commitment-registry-service", "notification-service");
    }

    /**
     * Production talks TLS to MongoDB (the replica set serves only TLS, the connection strings say tls=true, every
     * service trusts the CA) and to Kafka (the TLS listener, SASL_SSL with the Strimzi cluster CA as truststore).
     */
    @Test
    void prodTalksTlsToMongoDbAndKafka() {
        List<Map<String, Object>> objects = Kustomize.render(K8S.resolve("overlays/prod"));
        Map<String, Object> mongodb = objects.stream().filter(o -> "MongoDBCommunity".equals(K8s.kind(o))).findFirst().orElseThrow();
        assertThat(K8s.get(mongodb, "spec", "security", "tls", "enabled")).isEqualTo(true);
        assertThat(K8s.get(mongodb, "spec", "security", "tls", "optional")).isEqualTo(false);
        assertThat(K8s.get(mongodb, "spec", "additionalConnectionStringConfig", "tls")).isEqualTo(true);
        for (String service : List.of("ingestion-service", "extraction-service", "commitment-registry-service", "notification-service")) {
            assertThat(K8s.string(object(objects, "ConfigMap", service), "data", "SPRING_MONGODB_SSL_ENABLED")).as(service).isEqualTo("true");
            assertThat(K8s.list(object(objects, "Deployment", service), "spec", "template", "spec", "volumes"))
                    .as(service).anyMatch(v -> "tracker-mongodb-ca".equals(K8s.string(v, "secret", "secretName")))
                    .anyMatch(v -> "tracker-kafka-cluster-ca-cert".equals(K8s.string(v, "secret", "secretName")));
        }
        Map<String, Object> kafka = objects.stream().filter(o -> "Kafka".equals(K8s.kind(o))).findFirst().orElseThrow();
        assertThat(K8s.list(kafka, "spec", "kafka", "listeners")).isNotEmpty().allMatch(l -> Boolean.TRUE.equals(l.get("tls")));
        String platform = objects.stream().filter(o -> "ConfigMap".equals(K8s.kind(o)) && K8s.name(o).startsWith("tracker-platform"))
                .map(o -> K8s.string(o, "data", "application-kubernetes.yaml")).findFirst().orElseThrow();
        assertThat(platform).contains("protocol: SASL_SSL", "trust-store-location: file:/etc/tracker/kafka-ca/ca.crt");
    }

    /** MongoDB only from the services with a database, in this namespace, and from its operator's own namespace; TLS clients trust the CA. */
    @Test
    @SuppressWarnings("unchecked")
    void mongodbAccessViolationsNameTheObject() {
        List<Map<String, Object>> objects = Kustomize.render(K8S.resolve("overlays/prod"));
        List<Map<String, Object>> from = (List<Map<String, Object>>) K8s.get(
                K8s.list(object(objects, "NetworkPolicy", "tracker-mongodb-ingress"), "spec", "ingress").get(0), "from");
        from.add(Map.of("namespaceSelector", Map.of(), "podSelector", Map.of("matchLabels", Map.of("name", "mongodb-kubernetes-operator"))));
        from.add(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("team", "data")), "podSelector", Map.of("matchLabels", Map.of("app", "x"))));
        from.add(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "dashboard"))));
        from.add(Map.of("ipBlock", Map.of("cidr", "10.0.0.0/8")));
        Map<String, Object> registryConfig = K8s.map(object(objects, "ConfigMap", "commitment-registry-service"), "data");
        registryConfig.remove("SPRING_MONGODB_SSL_ENABLED");
        K8s.list(object(objects, "Deployment", "extraction-service"), "spec", "template", "spec", "volumes")
                .removeIf(v -> "tracker-mongodb-ca".equals(K8s.string(v, "secret", "secretName")));

        List<String> violations = ManifestRules.check(model, objects);
        assertThat(violations).anyMatch(v -> v.startsWith("NetworkPolicy/tracker-mongodb-ingress: lets pods of namespaces {}"));
        assertThat(violations).anyMatch(v -> v.startsWith("NetworkPolicy/tracker-mongodb-ingress: lets pods of namespaces {matchLabels={team=data}}"));
        assertThat(violations).anyMatch(v -> v.startsWith("NetworkPolicy/tracker-mongodb-ingress: lets Deployment/dashboard reach MongoDB"));
        assertThat(violations).anyMatch(v -> v.startsWith("NetworkPolicy/tracker-mongodb-ingress: lets an address range reach MongoDB"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/commitment-registry-service: connects to MongoDB, which serves TLS, without"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/extraction-service: trusts /etc/tracker/mongodb-ca/ca.crt for MongoDB"));

        objects.remove(object(objects, "NetworkPolicy", "tracker-mongodb-ingress"));
        assertThat(ManifestRules.check(model, objects)).anyMatch(v -> v.contains("MongoDB's pods (app=tracker-mongodb-svc) are open to anyone"));
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
        K8s.map(K8s.list(object(objects, "ScaledObject", "notification-service"), "spec", "triggers").get(0), "metadata")
                .put("bootstrapServers", "tracker-kafka-kafka-bootstrap:9093");
        K8s.map(object(objects, "NetworkPolicy", "tracker-api-ingress"), "spec").put("ingress",
                List.of(Map.of("from", List.of(Map.of("namespaceSelector", Map.of())), "ports", List.of(Map.of("port", 9080)))));

        List<String> violations = ManifestRules.check(model, objects);
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/ingestion-service: container ingestion-service: readinessProbe must target the port named management"));
        assertThat(violations).anyMatch(v -> v.startsWith("ScaledObject/notification-service: kafka trigger's bootstrapServers tracker-kafka-kafka-bootstrap:9093 must name"));
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

    /**
     * The dashboard keeps to its own: no Secret, nothing of Kafka or MongoDB, the four services by their Services and
     * only them; the SMTP account only from its Secret, mail over TLS with https links and a way out to the relay.
     */
    @Test
    @SuppressWarnings("unchecked")
    void dashboardAndMailViolationsNameTheObject() {
        List<Map<String, Object>> objects = Kustomize.render(K8S.resolve("overlays/prod"));
        Map<String, Object> dashboard = container(objects, "dashboard");
        dashboard.put("env", new ArrayList<>(List.of(Map.of("name", "MONGODB_URI",
                "valueFrom", Map.of("secretKeyRef", Map.of("name", "mongodb-ingestion-connection", "key", "connectionString.standard"))))));
        ((List<Map<String, Object>>) K8s.get(object(objects, "Deployment", "dashboard"), "spec", "template", "spec", "volumes"))
                .add(Map.of("name", "kafka-ca", "secret", Map.of("secretName", "tracker-kafka-cluster-ca-cert")));
        K8s.map(object(objects, "ConfigMap", "dashboard"), "data").put("TRACKER_DASHBOARD_REGISTRY_URL", "https://registry.example.org");
        ((List<Map<String, Object>>) K8s.get(object(objects, "NetworkPolicy", "dashboard-egress"), "spec", "egress"))
                .add(Map.of("to", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", "tracker-kafka")))),
                        "ports", List.of(Map.of("protocol", "TCP", "port", 9093))));
        objects.remove(object(objects, "NetworkPolicy", "tracker-api-from-dashboard"));
        objects.remove(object(objects, "NetworkPolicy", "notification-smtp-egress"));
        K8s.list(object(objects, "NetworkPolicy", "tracker-api-ingress"), "spec", "podSelector", "matchExpressions").get(0)
                .put("values", List.of("ingestion-service", "commitment-registry-service", "notification-service"));
        Map<String, Object> password = env(container(objects, "notification-service"), "SMTP_PASSWORD");
        password.remove("valueFrom");
        password.put("value", "hunter2");
        ((Map<String, Object>) K8s.get(env(container(objects, "notification-service"), "SMTP_USERNAME"), "valueFrom", "secretKeyRef"))
                .remove("optional");
        Map<String, Object> notificationConfig = K8s.map(object(objects, "ConfigMap", "notification-service"), "data");
        notificationConfig.put("SMTP_STARTTLS", "false");
        notificationConfig.put("SMTP_USERNAME", "alerts");
        notificationConfig.put("TRACKER_EMAIL_PUBLIC_BASE_URL", "http://notification.example.gov");
        K8s.list(object(objects, "Deployment", "ingestion-service"), "spec", "template", "spec", "topologySpreadConstraints").get(0)
                .put("labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/part-of", "commitment-tracker")));

        List<String> violations = ManifestRules.check(model, objects);
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/dashboard: container dashboard: env MONGODB_URI comes from a Secret"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/dashboard: container dashboard: reads MONGODB_URI="));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/dashboard: mounts a Secret (volume kafka-ca)"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/dashboard: container dashboard: TRACKER_DASHBOARD_REGISTRY_URL is "
                + "https://registry.example.org: it must be http://commitment-registry-service"));
        assertThat(violations).anyMatch(v -> v.startsWith("NetworkPolicy/dashboard-egress: lets dashboard reach") && v.contains("9093"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/extraction-service: no NetworkPolicy lets dashboard in on port http"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/dashboard: its pods are isolated and no NetworkPolicy lets anyone reach port http"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: env SMTP_PASSWORD "
                + "must come from the Secret notification-service-smtp/password (optional: true)"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: env SMTP_PASSWORD looks like a credential"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: env SMTP_USERNAME "
                + "must come from the Secret notification-service-smtp/username (optional: true)"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: "
                + "ConfigMap/notification-service sets SMTP_USERNAME: only the Secret"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: mails through "
                + "smtp.example.gov without TLS"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: "
                + "TRACKER_EMAIL_PUBLIC_BASE_URL is http://notification.example.gov"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/notification-service: container notification-service: mails through "
                + "smtp.example.gov:587 but no NetworkPolicy lets it out"));
        assertThat(violations).anyMatch(v -> v.startsWith("Deployment/ingestion-service: topologySpreadConstraint"));
        assertThat(violations).noneMatch(v -> v.startsWith("Deployment/dashboard") && v.contains("token issuer"));
    }

    /** The autoscaler watches the lag of the group a service consumes a topic in, and the service may read that group. */
    @Test
    void consumerGroupViolationsNameTheObject() {
        List<Map<String, Object>> objects = Kustomize.render(K8S.resolve("overlays/prod"));
        K8s.list(object(objects, "ScaledObject", "commitment-registry-service"), "spec", "triggers").stream()
                .filter(trigger -> "progress".equals(K8s.string(trigger, "metadata", "topic")))
                .forEach(trigger -> K8s.map(trigger, "metadata").put("consumerGroup", "registry"));
        K8s.list(object(objects, "KafkaUser", "notification-service"), "spec", "authorization", "acls").stream()
                .filter(acl -> "group".equals(K8s.string(acl, "resource", "type")))
                .forEach(acl -> K8s.map(acl, "resource").put("patternType", "literal"));

        List<String> violations = ManifestRules.check(model, objects);
        assertThat(violations).anyMatch(v -> v.startsWith("ScaledObject/commitment-registry-service: kafka trigger on topic progress "
                + "watches group registry, but commitment-registry-service consumes it in group registry-progress"));
        assertThat(violations).anyMatch(v -> v.startsWith("KafkaUser/notification-service: no ACL lets notification-service read its "
                + "consumer group notification-deadlines"));
        assertThat(violations).noneMatch(v -> v.startsWith("KafkaUser/commitment-registry-service"));
    }

    /** E-mail settings per environment: the base mails nothing; dev and prod each name their relay and public addresses. */
    @Test
    void eMailIsSetPerEnvironment() {
        assertThat(notificationSetting("base", "SMTP_HOST")).isNull();
        for (String setting : List.of("SMTP_HOST", "TRACKER_EMAIL_PUBLIC_BASE_URL", "TRACKER_EMAIL_COMMITMENT_URL")) {
            assertThat(notificationSetting("overlays/dev", setting)).as(setting).isNotNull()
                    .isNotEqualTo(notificationSetting("overlays/prod", setting));
        }
        assertThat(notificationSetting("overlays/prod", "TRACKER_EMAIL_COMMITMENT_URL")).startsWith("https://").contains("{id}");
    }

    private static String notificationSetting(String dir, String key) {
        return K8s.string(object(Kustomize.render(K8S.resolve(dir)), "ConfigMap", "notification-service"), "data", key);
    }

    private static Map<String, Object> env(Map<String, Object> container, String name) {
        return K8s.list(container, "env").stream().filter(e -> name.equals(K8s.string(e, "name"))).findFirst().orElseThrow();
    }

    @Test
    void theIssuerIsSetPerEnvironment() {
        assertThat(issuer("overlays/dev")).isNotEqualTo(issuer("overlays/prod")).startsWith("https://");
        assertThat(issuer("overlays/prod")).isEqualTo("https://login.example.gov/realms/commitment-tracker");
    }

    /** Tokens must name the platform in "aud": each environment sets its provider's audience (ID tokens name their client). */
    @Test
    void theTokenAudienceIsSetPerEnvironment() {
        String audience = "TRACKER_SECURITY_JWT_AUDIENCE";
        assertThat(securitySetting("overlays/dev", audience)).isNotBlank()
                .isNotEqualTo(securitySetting("overlays/prod", audience));
        assertThat(securitySetting("overlays/prod", audience)).isNotBlank();
    }

    private static String issuer(String dir) {
        return securitySetting(dir, ManifestRules.ISSUER_URI);
    }

    private static String securitySetting(String dir, String key) {
        return Kustomize.render(K8S.resolve(dir)).stream()
                .filter(o -> "ConfigMap".equals(K8s.kind(o)) && K8s.name(o).startsWith("tracker-security-"))
                .map(o -> K8s.string(o, "data", key)).findFirst().orElseThrow();
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(K8s.kind(o)) && name.equals(K8s.name(o))).findFirst().orElseThrow();
    }

    private static Map<String, Object> container(List<Map<String, Object>> objects, String deployment) {
        return K8s.list(object(objects, "Deployment", deployment), "spec", "template", "spec", "containers").get(0);
    }
}
