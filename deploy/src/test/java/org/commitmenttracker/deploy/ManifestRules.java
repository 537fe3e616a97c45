package org.commitmenttracker.deploy;

import static org.commitmenttracker.deploy.K8s.get;
import static org.commitmenttracker.deploy.K8s.id;
import static org.commitmenttracker.deploy.K8s.kind;
import static org.commitmenttracker.deploy.K8s.list;
import static org.commitmenttracker.deploy.K8s.map;
import static org.commitmenttracker.deploy.K8s.name;
import static org.commitmenttracker.deploy.K8s.string;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The invariants every rendered overlay keeps. {@link #check} returns one message per violation, each naming
 * the object ({@code Kind/name}) and what is wrong with it.
 */
final class ManifestRules {
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    /** spring.lifecycle.timeout-per-shutdown-phase in service-defaults.yml. */
    static final int SHUTDOWN_PHASE_SECONDS = 20;
    static final long MAX_MESSAGE_BYTES = 8_388_608;
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|jaas|credential|api[_-]?key|private[_-]?key|_URI$).*");
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile("(?is).*(password\\s*=\\s*\"[^$\"]|://[^/\\s:@$]+:[^@\\s$]+@|BEGIN [A-Z ]*PRIVATE KEY).*");

    private final PlatformModel model;
    private final List<Map<String, Object>> objects;
    private final List<String> violations = new ArrayList<>();

    private ManifestRules(PlatformModel model, List<Map<String, Object>> objects) {
        this.model = model;
        this.objects = objects;
    }

    static List<String> check(PlatformModel model, List<Map<String, Object>> objects) {
        ManifestRules rules = new ManifestRules(model, objects);
        rules.run();
        return rules.violations;
    }

    private void run() {
        Map<String, Map<String, Object>> topics = new HashMap<>();
        for (Map<String, Object> topic : ofKind("KafkaTopic")) {
            topics.put(Objects.requireNonNullElse(string(topic, "spec", "topicName"), name(topic)), topic);
        }
        noCommittedSecrets();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            deployment(deployment);
        }
        for (Map<String, Object> configMap : ofKind("ConfigMap")) {
            configMap(configMap);
        }
        for (String service : model.consumedTopics().keySet()) {
            serviceObjects(service);
        }
        topics(topics);
        scaling(topics);
        kafkaUsers();
    }

    private void noCommittedSecrets() {
        for (Map<String, Object> secret : ofKind("Secret")) {
            if (!map(secret, "data").isEmpty() || !map(secret, "stringData").isEmpty()) {
                fail(secret, "a Secret with values is in the manifests: create it in the cluster instead (docs/operations.md)");
            }
        }
    }

    private void deployment(Map<String, Object> deployment) {
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        Map<String, Object> podSecurity = map(pod, "securityContext");
        Object grace = pod.get("terminationGracePeriodSeconds");
        if (!(grace instanceof Number n) || n.intValue() <= SHUTDOWN_PHASE_SECONDS + preStopSeconds(pod)) {
            fail(deployment, "terminationGracePeriodSeconds must exceed the " + SHUTDOWN_PHASE_SECONDS
                    + " s shutdown phase plus the preStop pause, is " + grace);
        }
        if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
            fail(deployment, "automountServiceAccountToken must be false (the services never call the API server)");
        }
        Map<String, String> emptyDirs = new HashMap<>();
        for (Map<String, Object> volume : list(pod, "volumes")) {
            if (volume.containsKey("emptyDir")) {
                emptyDirs.put(string(volume, "name"), "emptyDir");
            }
        }
        List<Map<String, Object>> containers = new ArrayList<>(list(pod, "containers"));
        containers.addAll(list(pod, "initContainers"));
        for (Map<String, Object> container : containers) {
            String c = "container " + string(container, "name") + ": ";
            image(deployment, c, string(container, "image"));
            probe(deployment, c, container, "livenessProbe", LIVENESS);
            probe(deployment, c, container, "readinessProbe", READINESS);
            probe(deployment, c, container, "startupProbe", null);
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (get(container, "resources", bound, resource) == null) {
                        fail(deployment, c + "resources." + bound + "." + resource + " is missing");
                    }
                }
            }
            Map<String, Object> security = map(container, "securityContext");
            if (!Boolean.TRUE.equals(security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot")))) {
                fail(deployment, c + "runAsNonRoot must be true");
            }
            Object user = security.getOrDefault("runAsUser", podSecurity.get("runAsUser"));
            if (user instanceof Number u && u.longValue() == 0) {
                fail(deployment, c + "runAsUser must not be 0");
            }
            if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                fail(deployment, c + "allowPrivilegeEscalation must be false");
            }
            if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                fail(deployment, c + "readOnlyRootFilesystem must be true");
            }
            Object drop = get(security, "capabilities", "drop");
            if (!(drop instanceof List<?> d) || !d.contains("ALL")) {
                fail(deployment, c + "capabilities.drop must contain ALL");
            }
            if (!List.of("RuntimeDefault", "Localhost").contains(Objects.requireNonNullElse(
                    string(security, "seccompProfile", "type"), String.valueOf(string(podSecurity, "seccompProfile", "type"))))) {
                fail(deployment, c + "seccompProfile.type must be RuntimeDefault");
            }
            boolean tmp = list(container, "volumeMounts").stream().anyMatch(m -> "/tmp".equals(string(m, "mountPath"))
                    && emptyDirs.containsKey(string(m, "name")));
            if (!tmp) {
                fail(deployment, c + "needs an emptyDir volume mounted at /tmp (the root filesystem is read-only)");
            }
            for (Map<String, Object> env : list(container, "env")) {
                String envName = string(env, "name");
                if (CREDENTIAL_NAME.matcher(envName).matches() && get(env, "valueFrom", "secretKeyRef") == null) {
                    fail(deployment, c + "env " + envName + " looks like a credential: take it from a Secret (secretKeyRef)");
                }
                if (env.get("value") != null && CREDENTIAL_VALUE.matcher(String.valueOf(env.get("value"))).matches()) {
                    fail(deployment, c + "env " + envName + " holds a credential in plain text: use a Secret");
                }
            }
        }
    }

    private static int preStopSeconds(Map<String, Object> pod) {
        int max = 0;
        for (Map<String, Object> container : list(pod, "containers")) {
            Object seconds = get(container, "lifecycle", "preStop", "sleep", "seconds");
            if (seconds instanceof Number n) {
                max = Math.max(max, n.intValue());
            }
        }
        return max;
    }

    private void image(Map<String, Object> owner, String c, String image) {
        if (image == null) {
            fail(owner, c + "has no image");
            return;
        }
        String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
        boolean digest = image.contains("@sha256:");
        if (!digest && (!afterRegistry.contains(":") || afterRegistry.endsWith(":latest"))) {
            fail(owner, c + "image " + image + " must have a fixed tag or digest, never :latest or none");
        }
    }

    private void probe(Map<String, Object> owner, String c, Map<String, Object> container, String probe, String path) {
        Map<String, Object> definition = map(container, probe);
        if (definition.isEmpty()) {
            fail(owner, c + probe + " is missing");
        } else if (path != null && !path.equals(string(definition, "httpGet", "path"))) {
            fail(owner, c + probe + " must be an httpGet on " + path + ", is " + definition);
        }
    }

    private void configMap(Map<String, Object> configMap) {
        map(configMap, "data").forEach((key, value) -> {
            if (CREDENTIAL_NAME.matcher(key).matches()) {
                fail(configMap, "key " + key + " looks like a credential: ConfigMaps hold no credentials, use a Secret");
            }
            if (CREDENTIAL_VALUE.matcher(String.valueOf(value)).matches()) {
                fail(configMap, "key " + key + " holds a credential in plain text: use a Secret");
            }
        });
    }

    /** Each service has its Deployment, Service, ServiceAccount, ConfigMap, PodDisruptionBudget and an autoscaler. */
    private void serviceObjects(String service) {
        for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget")) {
            if (find(kind, service) == null) {
                violations.add(kind + "/" + service + " is missing");
            }
        }
        if (find("HorizontalPodAutoscaler", service) == null && find("ScaledObject", service) == null) {
            violations.add("HorizontalPodAutoscaler/" + service + " (or a KEDA ScaledObject) is missing");
        }
        if (find("KafkaUser", service) == null) {
            violations.add("KafkaUser/" + service + " is missing");
        }
    }

    private void topics(Map<String, Map<String, Object>> topics) {
        for (String topic : model.topics()) {
            if (!topics.containsKey(topic)) {
                violations.add("KafkaTopic/" + topic + " is missing (org.commitmenttracker.events.Topics names it)");
            }
        }
        model.deadLetterTopics().forEach((service, dlqs) -> dlqs.forEach(dlq -> {
            if (!topics.containsKey(dlq)) {
                violations.add("KafkaTopic/" + dlq + " is missing (dead-letter topic of " + service + ")");
            }
        }));
        for (Map<String, Object> topic : topics.values()) {
            Object bytes = get(topic, "spec", "config", "max.message.bytes");
            if (bytes == null || Long.parseLong(String.valueOf(bytes)) < MAX_MESSAGE_BYTES) {
                fail(topic, "max.message.bytes must be at least " + MAX_MESSAGE_BYTES + " (a communiqué event carries its text), is " + bytes);
            }
        }
        Map<String, Object> kafka = ofKind("Kafka").stream().findFirst().orElse(null);
        if (kafka == null) {
            violations.add("Kafka is missing");
            return;
        }
        int minIsr = Integer.parseInt(String.valueOf(get(kafka, "spec", "kafka", "config", "min.insync.replicas")));
        int brokers = ofKind("KafkaNodePool").stream()
                .filter(pool -> String.valueOf(get(pool, "spec", "roles")).contains("broker"))
                .mapToInt(pool -> ((Number) get(pool, "spec", "replicas")).intValue()).sum();
        for (Map<String, Object> topic : topics.values()) {
            int replicas = ((Number) get(topic, "spec", "replicas")).intValue();
            if (replicas > brokers) {
                fail(topic, "replicas " + replicas + " exceed the " + brokers + " brokers");
            }
            if (replicas > 1 && replicas <= minIsr) {
                fail(topic, "replicas " + replicas + " must exceed min.insync.replicas " + minIsr + " or one broker loss stops writes");
            }
        }
    }

    /** A consumer never has more replicas than the partitions of a topic it consumes: the extra ones sit idle. */
    private void scaling(Map<String, Map<String, Object>> topics) {
        for (Map<String, Object> autoscaler : objects) {
            Object max;
            String target;
            if ("HorizontalPodAutoscaler".equals(kind(autoscaler))) {
                max = get(autoscaler, "spec", "maxReplicas");
                target = string(autoscaler, "spec", "scaleTargetRef", "name");
                Object min = get(autoscaler, "spec", "minReplicas");
                if (min instanceof Number mn && max instanceof Number mx && mn.intValue() > mx.intValue()) {
                    fail(autoscaler, "minReplicas " + mn + " > maxReplicas " + mx);
                }
            } else if ("ScaledObject".equals(kind(autoscaler))) {
                max = get(autoscaler, "spec", "maxReplicaCount");
                target = string(autoscaler, "spec", "scaleTargetRef", "name");
                for (Map<String, Object> trigger : list(autoscaler, "spec", "triggers")) {
                    if ("kafka".equals(string(trigger, "type"))
                            && !model.consumedTopics().getOrDefault(target, Set.of()).contains(string(trigger, "metadata", "topic"))) {
                        fail(autoscaler, "kafka trigger on topic " + string(trigger, "metadata", "topic") + ", which " + target + " does not consume");
                    }
                }
            } else {
                continue;
            }
            if (!(max instanceof Number maxReplicas)) {
                fail(autoscaler, "has no maximum replica count");
                continue;
            }
            for (String topic : model.consumedTopics().getOrDefault(target, Set.of())) {
                Map<String, Object> kafkaTopic = topics.get(topic);
                if (kafkaTopic == null) {
                    continue;  // reported by topics()
                }
                int partitions = ((Number) get(kafkaTopic, "spec", "partitions")).intValue();
                if (maxReplicas.intValue() > partitions) {
                    fail(autoscaler, "allows " + maxReplicas + " replicas of " + target + " but topic " + topic
                            + " has only " + partitions + " partitions (KafkaTopic/" + name(kafkaTopic) + ")");
                }
            }
        }
    }

    private void kafkaUsers() {
        for (Map<String, Object> kafka : ofKind("Kafka")) {
            for (Map<String, Object> listener : list(kafka, "spec", "kafka", "listeners")) {
                if (!Boolean.TRUE.equals(listener.get("tls")) || !"scram-sha-512".equals(string(listener, "authentication", "type"))) {
                    fail(kafka, "listener " + string(listener, "name") + " must be TLS with scram-sha-512 authentication");
                }
            }
        }
        for (Map<String, Object> user : ofKind("KafkaUser")) {
            if (!"scram-sha-512".equals(string(user, "spec", "authentication", "type"))) {
                fail(user, "authentication must be scram-sha-512");
            }
            for (Map<String, Object> acl : list(user, "spec", "authorization", "acls")) {
                if ("*".equals(string(acl, "resource", "name")) || String.valueOf(acl.get("operations")).contains("All")) {
                    fail(user, "ACL " + acl + " is not least privilege");
                }
            }
        }
    }

    private List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    private Map<String, Object> find(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst().orElse(null);
    }

    private void fail(Map<String, Object> object, String message) {
        violations.add(id(object) + ": " + message);
    }
}
