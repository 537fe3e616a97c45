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
import java.util.HashSet;
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
    /** The container port of actuator (management.server.port, MANAGEMENT_PORT): probes and Prometheus only. */
    static final String MANAGEMENT = "management";
    /** The container port of the API (server.port, SERVER_PORT): the only one a Service exposes. */
    static final String HTTP = "http";
    /** Code defaults of service-defaults.yml when the environment does not set them. */
    static final Map<String, Integer> DEFAULT_PORTS = Map.of("MANAGEMENT_PORT", 9080, "SERVER_PORT", 8080);
    static final String PROMETHEUS_PATH = "/actuator/prometheus";
    /** The label of Prometheus' namespace: the only peer that may reach the management port. */
    static final String MONITORING_LABEL = "tracker.commitmenttracker.org/monitoring";
    static final String ISSUER_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI";
    static final String JWK_SET_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI";
    /** Keys a service cannot run without, each from its Secret ({@code name/key}): they are never committed. */
    static final Map<String, Map<String, String>> REQUIRED_SECRETS = Map.of(
            "notification-service", Map.of("TRACKER_NOTIFICATION_SECRETS_KEY", "notification-service-secrets-key/key"));
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|jaas|credential|api[_-]?key|private[_-]?key|key|_URI$).*");
    /** Names that say where something is or which claim to read, not what it is (e.g. ..._PUBLICKEYLOCATION, ..._CLAIM). */
    private static final Pattern NOT_A_CREDENTIAL = Pattern.compile("(?i).*(LOCATION|_CLAIM)$");
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
        managementPortPrivate();
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
            if (list(pod, "containers").contains(container)) {
                ports(deployment, c, container);
            }
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
                if (credentialName(envName) && get(env, "valueFrom", "secretKeyRef") == null) {
                    fail(deployment, c + "env " + envName + " looks like a credential: take it from a Secret (secretKeyRef), "
                            + "never a literal value or a ConfigMap");
                }
                if (env.get("value") != null && CREDENTIAL_VALUE.matcher(String.valueOf(env.get("value"))).matches()) {
                    fail(deployment, c + "env " + envName + " holds a credential in plain text: use a Secret");
                }
            }
        }
    }

    static boolean credentialName(String name) {
        return name != null && CREDENTIAL_NAME.matcher(name).matches() && !NOT_A_CREDENTIAL.matcher(name).matches();
    }

    /**
     * Ports of a service container: "http" (API) and "management" (actuator). The probes use "management", the
     * Prometheus annotation names its number, MANAGEMENT_PORT and SERVER_PORT agree with the container ports, the API
     * verifies tokens against an https issuer, and the keys it cannot run without come from their Secrets.
     */
    private void ports(Map<String, Object> deployment, String c, Map<String, Object> container) {
        Integer management = containerPort(container, MANAGEMENT);
        Integer http = containerPort(container, HTTP);
        if (management == null) {
            fail(deployment, c + "needs a container port named " + MANAGEMENT + " (actuator, MANAGEMENT_PORT)");
        }
        if (http == null) {
            fail(deployment, c + "needs a container port named " + HTTP + " (the API, SERVER_PORT)");
        }
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Object port = get(container, probe, "httpGet", "port");
            if (get(container, probe) != null && !MANAGEMENT.equals(String.valueOf(port))) {
                fail(deployment, c + probe + " must target the port named " + MANAGEMENT
                        + " (the API port serves no actuator endpoint), targets " + port);
            }
        }
        Map<String, Object> annotations = map(deployment, "spec", "template", "metadata", "annotations");
        if (!"true".equals(String.valueOf(annotations.get("prometheus.io/scrape")))
                || !PROMETHEUS_PATH.equals(annotations.get("prometheus.io/path"))
                || management == null || !String.valueOf(management).equals(String.valueOf(annotations.get("prometheus.io/port")))) {
            fail(deployment, "pod annotations must be prometheus.io/scrape \"true\", prometheus.io/path " + PROMETHEUS_PATH
                    + ", prometheus.io/port the " + MANAGEMENT + " container port " + management + "; are " + annotations);
        }
        for (Map.Entry<String, Integer> port : Map.of("MANAGEMENT_PORT", Objects.requireNonNullElse(management, -1),
                "SERVER_PORT", Objects.requireNonNullElse(http, -1)).entrySet()) {
            String value = env(container, port.getKey());
            int configured = value == null ? DEFAULT_PORTS.get(port.getKey()) : Integer.parseInt(value.strip());
            if (port.getValue() != -1 && configured != port.getValue()) {
                fail(deployment, c + port.getKey() + " is " + configured + " but the container port is " + port.getValue());
            }
        }
        String issuer = Objects.requireNonNullElse(env(container, ISSUER_URI), String.valueOf(env(container, JWK_SET_URI)));
        if (!issuer.startsWith("https://")) {
            fail(deployment, c + "needs the token issuer: " + ISSUER_URI + " (https, the tracker-security ConfigMap), is " + issuer);
        }
        REQUIRED_SECRETS.getOrDefault(name(deployment), Map.of()).forEach((envName, secret) -> {
            Map<String, Object> env = list(container, "env").stream().filter(e -> envName.equals(string(e, "name")))
                    .findFirst().orElse(Map.of());
            String ref = string(env, "valueFrom", "secretKeyRef", "name") + "/" + string(env, "valueFrom", "secretKeyRef", "key");
            if (!secret.equals(ref)) {
                fail(deployment, c + "env " + envName + " must come from the Secret " + secret + " (secretKeyRef), is " + env);
            }
        });
    }

    private static Integer containerPort(Map<String, Object> container, String portName) {
        return list(container, "ports").stream().filter(p -> portName.equals(string(p, "name")))
                .map(p -> get(p, "containerPort")).filter(Number.class::isInstance).map(n -> ((Number) n).intValue())
                .findFirst().orElse(null);
    }

    /** A variable's plain value as the container sees it: its env entry, else the ConfigMaps of envFrom (later wins). */
    private String env(Map<String, Object> container, String variable) {
        for (Map<String, Object> env : list(container, "env")) {
            if (variable.equals(string(env, "name"))) {
                return string(env, "value");
            }
        }
        String value = null;
        for (Map<String, Object> source : list(container, "envFrom")) {
            Map<String, Object> configMap = find("ConfigMap", string(source, "configMapRef", "name"));
            Object v = map(configMap, "data").get(variable);
            if (v != null) {
                value = String.valueOf(v);
            }
        }
        return value;
    }

    /**
     * The management port is never behind a Service (every Service targets only the API port) and no NetworkPolicy
     * opens it to anyone but Prometheus' namespace. Where policies isolate the service pods, one lets Prometheus in.
     */
    private void managementPortPrivate() {
        Set<Object> managementPorts = new HashSet<>(Set.of(MANAGEMENT));
        Set<Object> httpPorts = new HashSet<>(Set.of(HTTP));
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            for (Map<String, Object> container : list(deployment, "spec", "template", "spec", "containers")) {
                Integer management = containerPort(container, MANAGEMENT);
                Integer http = containerPort(container, HTTP);
                if (management != null) {
                    managementPorts.add(management);
                }
                if (http != null) {
                    httpPorts.add(http);
                }
            }
        }
        for (Map<String, Object> service : ofKind("Service")) {
            for (Map<String, Object> port : list(service, "spec", "ports")) {
                Object target = Objects.requireNonNullElse(get(port, "targetPort"), get(port, "port"));
                if (managementPorts.contains(target)) {
                    fail(service, "exposes the management port (" + target + "): actuator is reachable only from Prometheus and the kubelet");
                } else if (PlatformModel.SERVICES.contains(name(service)) && !httpPorts.contains(target)) {
                    fail(service, "exposes port " + target + ": a service's Service exposes only the API port (" + HTTP + ")");
                }
            }
        }
        boolean isolated = false;
        boolean scraped = false;
        for (Map<String, Object> policy : ofKind("NetworkPolicy")) {
            if (!selectsServicePods(map(policy, "spec", "podSelector"))) {
                continue;
            }
            isolated |= String.valueOf(get(policy, "spec", "policyTypes")).contains("Ingress");
            for (Map<String, Object> rule : list(policy, "spec", "ingress")) {
                List<Map<String, Object>> ports = list(rule, "ports");
                boolean management = ports.isEmpty() || ports.stream().anyMatch(p -> covers(p, managementPorts));
                if (!management) {
                    continue;
                }
                List<Map<String, Object>> from = list(rule, "from");
                boolean onlyMonitoring = !from.isEmpty() && from.stream().allMatch(peer -> peer.keySet().equals(Set.of("namespaceSelector"))
                        && "true".equals(string(peer, "namespaceSelector", "matchLabels", MONITORING_LABEL)));
                scraped |= from.stream().anyMatch(peer -> "true".equals(string(peer, "namespaceSelector", "matchLabels", MONITORING_LABEL)));
                if (!onlyMonitoring) {
                    fail(policy, "opens the management port to " + (from.isEmpty() ? "everyone" : from)
                            + ": only the namespace labelled " + MONITORING_LABEL + "=true (Prometheus) may reach it");
                }
            }
        }
        if (isolated && !scraped) {
            violations.add("NetworkPolicy: the service pods are isolated but no policy lets Prometheus (namespace labelled "
                    + MONITORING_LABEL + "=true) reach the management port");
        }
    }

    private static boolean covers(Map<String, Object> policyPort, Set<Object> ports) {
        Object port = policyPort.get("port");
        if (port == null) {
            return true;  // every port
        }
        Object end = policyPort.get("endPort");
        if (port instanceof Number from && end instanceof Number to) {
            return ports.stream().anyMatch(p -> p instanceof Number n && n.intValue() >= from.intValue() && n.intValue() <= to.intValue());
        }
        return ports.contains(port);
    }

    private static boolean selectsServicePods(Map<String, Object> selector) {
        Map<String, Object> labels = map(selector, "matchLabels");
        if (labels.isEmpty() && list(selector, "matchExpressions").isEmpty()) {
            return true;  // every pod of the namespace
        }
        if ("service".equals(labels.get("app.kubernetes.io/component")) || "commitment-tracker".equals(labels.get("app.kubernetes.io/part-of"))
                || PlatformModel.SERVICES.contains(String.valueOf(labels.get("app.kubernetes.io/name")))) {
            return true;
        }
        return list(selector, "matchExpressions").stream().anyMatch(e -> "app.kubernetes.io/name".equals(string(e, "key"))
                && "In".equals(string(e, "operator"))
                && get(e, "values") instanceof List<?> values && values.stream().map(String::valueOf).anyMatch(PlatformModel.SERVICES::contains));
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
            if (credentialName(key)) {
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
