package org.commitmenttracker.deploy;

import static org.commitmenttracker.deploy.K8s.get;
import static org.commitmenttracker.deploy.K8s.id;
import static org.commitmenttracker.deploy.K8s.kind;
import static org.commitmenttracker.deploy.K8s.list;
import static org.commitmenttracker.deploy.K8s.map;
import static org.commitmenttracker.deploy.K8s.name;
import static org.commitmenttracker.deploy.K8s.selects;
import static org.commitmenttracker.deploy.K8s.string;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    /** Keys a service cannot run without, each from its Secret: they are never committed. */
    static final Map<String, Map<String, SecretKey>> REQUIRED_SECRETS = Map.of("notification-service",
            Map.of("TRACKER_NOTIFICATION_SECRETS_KEY", new SecretKey("notification-service-secrets-key", "key", false)));
    /** SMTPS (port 465): TLS from the first byte, instead of STARTTLS. */
    static final String SMTP_SSL_ENABLE = "SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_ENABLE";
    static final int DNS_PORT = 53;
    /** What a web component's pods or ConfigMaps must never mention: it has neither Kafka nor MongoDB. */
    private static final Pattern KAFKA_OR_MONGODB = Pattern.compile("(?is).*(kafka|mongo).*");
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|jaas|credential|api[_-]?key|private[_-]?key|key|_URI$).*");
    /** Names that say where something is or which claim to read, not what it is (e.g. ..._PUBLICKEYLOCATION, ..._CLAIM). */
    private static final Pattern NOT_A_CREDENTIAL = Pattern.compile("(?i).*(LOCATION|_CLAIM)$");
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile("(?is).*(password\\s*=\\s*\"[^$\"]|://[^/\\s:@$]+:[^@\\s$]+@|BEGIN [A-Z ]*PRIVATE KEY).*");

    /** An env var taken from {@code secret/key} by secretKeyRef; {@code optional}: the pod starts without the Secret. */
    record SecretKey(String secret, String key, boolean optional) {
        @Override
        public String toString() {
            return secret + "/" + key + " (optional: " + optional + ")";
        }
    }

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
        isolatedTogether();
        for (String service : model.consumedTopics().keySet()) {
            workloadObjects(service);
            if (find("KafkaUser", service) == null) {
                violations.add("KafkaUser/" + service + " is missing");
            }
        }
        for (String component : PlatformModel.WEB_COMPONENTS) {
            workloadObjects(component);
            webComponent(component);
        }
        model.mail().forEach(this::mail);
        mongodbReachableOnlyFromItsClients();
        mongodbTls();
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
        int shutdownPhase = model.shutdownPhaseSeconds().getOrDefault(name(deployment), PlatformModel.BOOT_SHUTDOWN_PHASE_SECONDS);
        if (!(grace instanceof Number n) || n.intValue() <= shutdownPhase + preStopSeconds(pod)) {
            fail(deployment, "terminationGracePeriodSeconds must exceed the " + shutdownPhase
                    + " s shutdown phase (spring.lifecycle.timeout-per-shutdown-phase) plus the preStop pause, is " + grace);
        }
        for (Map<String, Object> spread : list(pod, "topologySpreadConstraints")) {
            if (!selects(map(spread, "labelSelector"), podLabels(deployment))) {
                fail(deployment, "topologySpreadConstraint " + map(spread, "labelSelector")
                        + " does not select the Deployment's own pods " + podLabels(deployment) + ": it spreads nothing");
            }
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
            for (Map<String, Object> source : list(container, "envFrom")) {
                if (source.containsKey("secretRef")) {
                    fail(deployment, c + "envFrom secretRef " + string(source, "secretRef", "name")
                            + ": take each credential by name (env secretKeyRef), so it is visible where it comes from");
                }
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
        if (PlatformModel.SERVICES.contains(name(deployment)) && !issuer.startsWith("https://")) {
            fail(deployment, c + "needs the token issuer: " + ISSUER_URI + " (https, the tracker-security ConfigMap), is " + issuer);
        }
        secretEnv(name(deployment)).forEach((envName, secret) -> {
            List<Map<String, Object>> entries = list(container, "env").stream().filter(e -> envName.equals(string(e, "name"))).toList();
            Map<String, Object> env = entries.isEmpty() ? Map.of() : entries.get(0);
            boolean optional = Boolean.TRUE.equals(get(env, "valueFrom", "secretKeyRef", "optional"));
            if (entries.size() != 1 || !secret.secret().equals(string(env, "valueFrom", "secretKeyRef", "name"))
                    || !secret.key().equals(string(env, "valueFrom", "secretKeyRef", "key")) || optional != secret.optional()) {
                fail(deployment, c + "env " + envName + " must come from the Secret " + secret + ", set once by secretKeyRef; is "
                        + (entries.size() > 1 ? entries : env));
            }
            // With an optional Secret missing, a ConfigMap's value of the same name would take its place.
            for (Map<String, Object> source : list(container, "envFrom")) {
                String configMap = string(source, "configMapRef", "name");
                if (map(find("ConfigMap", configMap), "data").containsKey(envName)) {
                    fail(deployment, c + "ConfigMap/" + configMap + " sets " + envName + ": only the Secret " + secret + " may");
                }
            }
        });
    }

    /** The env vars a Deployment takes from Secrets: the required keys and, for a service with e-mail, the SMTP account. */
    private Map<String, SecretKey> secretEnv(String deployment) {
        Map<String, SecretKey> secrets = new LinkedHashMap<>(REQUIRED_SECRETS.getOrDefault(deployment, Map.of()));
        PlatformModel.Mail mail = model.mail().get(deployment);
        if (mail != null) {
            // optional: without the Secret the service still starts (a relay without login, or no e-mail at all).
            secrets.put(mail.usernameEnv(), new SecretKey(deployment + "-smtp", "username", true));
            secrets.put(mail.passwordEnv(), new SecretKey(deployment + "-smtp", "password", true));
        }
        return secrets;
    }

    /** The pods of the MongoDB replica set (the operator's StatefulSet labels them so). */
    static final Map<String, Object> MONGODB_PODS = Map.of("app", "tracker-mongodb-svc");
    /** The label that pins a namespaceSelector to one namespace (set by Kubernetes itself, nobody else can). */
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    /** The first container of a workload that connects to MongoDB (its {@code MONGODB_URI} from a Secret), or null. */
    private static Map<String, Object> databaseClient(Map<String, Object> deployment) {
        return list(deployment, "spec", "template", "spec", "containers").stream()
                .filter(c -> list(c, "env").stream().anyMatch(e -> "MONGODB_URI".equals(string(e, "name"))))
                .findFirst().orElse(null);
    }

    /**
     * Where policies isolate the workloads, MongoDB's pods are isolated too, and reachable only from: workloads of
     * this namespace that have a database (never one without, like the dashboard, never every pod), the replica set's
     * own members, and pods of other namespaces only where the namespace is pinned by its name (never any namespace
     * that carries some label). Every workload with a database may reach it.
     */
    private void mongodbReachableOnlyFromItsClients() {
        if (ofKind("NetworkPolicy").isEmpty()) {
            return;
        }
        List<Map<String, Object>> policies = policies(MONGODB_PODS, "Ingress");
        if (policies.isEmpty()) {
            violations.add("NetworkPolicy: the workloads are isolated but MongoDB's pods (app=tracker-mongodb-svc) are open to anyone");
        }
        for (Map<String, Object> policy : policies) {
            for (Map<String, Object> rule : list(policy, "spec", "ingress")) {
                List<Map<String, Object>> from = list(rule, "from");
                if (from.isEmpty()) {
                    fail(policy, "lets anyone reach MongoDB");
                }
                for (Map<String, Object> peer : from) {
                    if (peer.containsKey("ipBlock")) {
                        fail(policy, "lets an address range reach MongoDB: " + peer);
                    } else if (peer.containsKey("namespaceSelector")) {
                        Map<String, Object> namespaces = map(peer, "namespaceSelector");
                        if (!namespaces.keySet().equals(Set.of("matchLabels")) || !map(namespaces, "matchLabels").keySet().equals(Set.of(NAMESPACE_NAME))) {
                            fail(policy, "lets pods of namespaces " + namespaces + " reach MongoDB: pin the namespace by " + NAMESPACE_NAME);
                        }
                        if (map(peer, "podSelector").isEmpty()) {
                            fail(policy, "lets every pod of namespace " + namespaces + " reach MongoDB: name the pods");
                        }
                    } else if (map(peer, "podSelector").isEmpty()) {
                        fail(policy, "lets every pod of the namespace reach MongoDB");
                    } else {
                        ofKind("Deployment").stream().filter(d -> databaseClient(d) == null && selects(map(peer, "podSelector"), podLabels(d)))
                                .forEach(d -> fail(policy, "lets " + id(d) + " reach MongoDB, which has no database"));
                    }
                }
            }
        }
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            if (databaseClient(deployment) != null && !policies.isEmpty() && policies.stream()
                    .flatMap(p -> list(p, "spec", "ingress").stream()).flatMap(rule -> list(rule, "from").stream())
                    .noneMatch(peer -> !peer.containsKey("namespaceSelector") && !map(peer, "podSelector").isEmpty()
                            && selects(map(peer, "podSelector"), podLabels(deployment)))) {
                fail(deployment, "connects to MongoDB but no NetworkPolicy lets its pods reach MongoDB's");
            }
        }
    }

    /**
     * A replica set serving TLS says so in its connection strings (tls=true), and every workload with a database
     * trusts its CA: Boot's SSL bundle (SPRING_MONGODB_SSL_BUNDLE) reads the CA certificate from a file mounted from
     * the replica set's CA Secret.
     */
    private void mongodbTls() {
        for (Map<String, Object> mongodb : ofKind("MongoDBCommunity")) {
            if (!Boolean.TRUE.equals(get(mongodb, "spec", "security", "tls", "enabled"))) {
                continue;
            }
            if (!"true".equals(String.valueOf(get(mongodb, "spec", "additionalConnectionStringConfig", "tls")))) {
                fail(mongodb, "serves TLS but its connection strings do not say tls=true (additionalConnectionStringConfig)");
            }
            String ca = string(mongodb, "spec", "security", "tls", "caCertificateSecretRef", "name");
            for (Map<String, Object> deployment : ofKind("Deployment")) {
                Map<String, Object> client = databaseClient(deployment);
                if (client == null) {
                    continue;
                }
                String bundle = env(client, "SPRING_MONGODB_SSL_BUNDLE");
                String certificate = bundle == null ? null
                        : env(client, "SPRING_SSL_BUNDLE_PEM_" + bundle.toUpperCase(java.util.Locale.ROOT) + "_TRUSTSTORE_CERTIFICATE");
                if (!"true".equals(env(client, "SPRING_MONGODB_SSL_ENABLED")) || certificate == null || !certificate.startsWith("file:")) {
                    fail(deployment, "connects to MongoDB, which serves TLS, without SPRING_MONGODB_SSL_ENABLED=true and an SSL bundle "
                            + "(SPRING_MONGODB_SSL_BUNDLE) trusting its CA from a file");
                    continue;
                }
                String file = certificate.substring("file:".length());
                boolean mounted = list(client, "volumeMounts").stream().anyMatch(mount -> file.startsWith(string(mount, "mountPath") + "/")
                        && list(deployment, "spec", "template", "spec", "volumes").stream().anyMatch(volume ->
                                string(volume, "name").equals(string(mount, "name")) && Objects.equals(ca, string(volume, "secret", "secretName"))));
                if (!mounted) {
                    fail(deployment, "trusts " + file + " for MongoDB, which is not mounted from the CA Secret " + ca);
                }
            }
        }
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
     * The management port is never behind a Service (a workload's Service targets only its http port) and no
     * NetworkPolicy opens it to anyone but Prometheus' namespace. Where policies isolate a workload's pods, one lets
     * Prometheus in.
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
                } else if (PlatformModel.workloads().contains(name(service)) && !httpPorts.contains(target)) {
                    fail(service, "exposes port " + target + ": a workload's Service exposes only its " + HTTP + " port");
                }
            }
        }
        for (Map<String, Object> policy : ofKind("NetworkPolicy")) {
            if (ofKind("Deployment").stream().noneMatch(d -> selects(map(policy, "spec", "podSelector"), podLabels(d)))) {
                continue;
            }
            for (Map<String, Object> rule : list(policy, "spec", "ingress")) {
                List<Map<String, Object>> ports = list(rule, "ports");
                boolean management = ports.isEmpty() || ports.stream().anyMatch(p -> covers(p, managementPorts));
                if (!management) {
                    continue;
                }
                List<Map<String, Object>> from = list(rule, "from");
                if (from.isEmpty() || !from.stream().allMatch(ManifestRules::monitoring)) {
                    fail(policy, "opens the management port to " + (from.isEmpty() ? "everyone" : from)
                            + ": only the namespace labelled " + MONITORING_LABEL + "=true (Prometheus) may reach it");
                }
            }
        }
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            List<Map<String, Object>> policies = policies(podLabels(deployment), "Ingress");
            boolean scraped = policies.stream().flatMap(p -> list(p, "spec", "ingress").stream()).anyMatch(rule ->
                    list(rule, "from").stream().anyMatch(ManifestRules::monitoring)
                            && (list(rule, "ports").isEmpty() || list(rule, "ports").stream().anyMatch(p -> covers(p, managementPorts))));
            if (!policies.isEmpty() && !scraped) {
                violations.add("NetworkPolicy: the pods of " + id(deployment) + " are isolated but no policy lets Prometheus "
                        + "(namespace labelled " + MONITORING_LABEL + "=true) reach the management port");
            }
        }
    }

    private static boolean monitoring(Map<String, Object> peer) {
        return peer.keySet().equals(Set.of("namespaceSelector"))
                && "true".equals(string(peer, "namespaceSelector", "matchLabels", MONITORING_LABEL));
    }

    /** Where network policies isolate one workload's pods (Ingress or Egress), they isolate every workload's. */
    private void isolatedTogether() {
        for (String direction : List.of("Ingress", "Egress")) {
            List<Map<String, Object>> deployments = ofKind("Deployment");
            if (deployments.stream().anyMatch(d -> !policies(podLabels(d), direction).isEmpty())) {
                deployments.stream().filter(d -> policies(podLabels(d), direction).isEmpty()).forEach(d -> fail(d,
                        "network policies isolate other workloads' pods (" + direction + ") but not these: tracker-default-deny must select them"));
            }
        }
    }

    /**
     * A web component: no Secret, nothing of Kafka or MongoDB (settings, users), each service it calls named by its
     * in-cluster Service; where policies isolate the pods, it reaches DNS and exactly those services' http port, and
     * they let it in.
     */
    private void webComponent(String component) {
        Map<String, Object> deployment = find("Deployment", component);
        if (deployment == null) {
            return;  // reported by workloadObjects()
        }
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        Map<String, Object> labels = podLabels(deployment);
        List<Map<String, Object>> containers = new ArrayList<>(list(pod, "containers"));
        containers.addAll(list(pod, "initContainers"));
        for (Map<String, Object> volume : list(pod, "volumes")) {
            boolean projectedSecret = list(volume, "projected", "sources").stream().anyMatch(s -> s.containsKey("secret"));
            if (volume.containsKey("secret") || projectedSecret) {
                fail(deployment, "mounts a Secret (volume " + string(volume, "name") + "): a web component has no credential of its own");
            }
            String configMap = string(volume, "configMap", "name");
            if (configMap != null && KAFKA_OR_MONGODB.matcher(String.valueOf(map(find("ConfigMap", configMap), "data"))).matches()) {
                fail(deployment, "mounts ConfigMap/" + configMap + ", which configures Kafka or MongoDB: a web component has neither");
            }
        }
        for (Map<String, Object> container : containers) {
            String c = "container " + string(container, "name") + ": ";
            Map<String, String> settings = new LinkedHashMap<>();
            for (Map<String, Object> source : list(container, "envFrom")) {
                String configMap = string(source, "configMapRef", "name");
                map(find("ConfigMap", configMap), "data").forEach((key, value) -> settings.put(key, String.valueOf(value)));
            }
            for (Map<String, Object> env : list(container, "env")) {
                settings.put(string(env, "name"), String.valueOf(Objects.requireNonNullElse(env.get("value"), env.get("valueFrom"))));
                if (get(env, "valueFrom", "secretKeyRef") != null) {
                    fail(deployment, c + "env " + string(env, "name") + " comes from a Secret: a web component has no credential of its own");
                }
            }
            settings.forEach((key, value) -> {
                if (KAFKA_OR_MONGODB.matcher(key + "=" + value).matches()) {
                    fail(deployment, c + "reads " + key + "=" + value + ": a web component has neither Kafka nor MongoDB");
                }
            });
            if (list(pod, "containers").contains(container)) {
                upstreams(component, deployment, labels, c, container);
            }
        }
        if (find("KafkaUser", component) != null) {
            violations.add("KafkaUser/" + component + " exists: a web component has no Kafka access");
        }
        for (Map<String, Object> mongodb : ofKind("MongoDBCommunity")) {
            if (list(mongodb, "spec", "users").stream().anyMatch(u -> component.equals(string(u, "name")))) {
                fail(mongodb, "has a user " + component + ": a web component has no database");
            }
        }
        Set<Object> ownHttp = new HashSet<>(Set.of(HTTP));
        ownHttp.add(Objects.requireNonNullElse(httpPort(deployment), HTTP));
        List<Map<String, Object>> ingress = policies(labels, "Ingress");
        boolean reachable = ingress.stream().flatMap(p -> list(p, "spec", "ingress").stream()).anyMatch(rule ->
                !list(rule, "from").stream().allMatch(ManifestRules::monitoring)
                        && (list(rule, "ports").isEmpty() || list(rule, "ports").stream().anyMatch(p -> covers(p, ownHttp))));
        if (!ingress.isEmpty() && !reachable) {
            fail(deployment, "its pods are isolated and no NetworkPolicy lets anyone reach port " + HTTP + ": nobody could open it");
        }
        Set<Object> upstreamPorts = new HashSet<>(Set.of(HTTP));
        model.upstreams().get(component).values().stream().map(service -> httpPort(find("Deployment", service)))
                .filter(Objects::nonNull).forEach(upstreamPorts::add);
        for (Map<String, Object> policy : policies(labels, "Egress")) {
            for (Map<String, Object> rule : list(policy, "spec", "egress")) {
                List<Map<String, Object>> ports = list(rule, "ports");
                List<Map<String, Object>> beyondDns = ports.stream().filter(p -> !Integer.valueOf(DNS_PORT).equals(p.get("port"))).toList();
                boolean onlyUpstreamPorts = beyondDns.stream().allMatch(p -> p.get("endPort") == null && upstreamPorts.contains(p.get("port")));
                boolean onlyUpstreamPods = !list(rule, "to").isEmpty() && list(rule, "to").stream().allMatch(peer -> upstreamPeer(component, peer));
                if (ports.isEmpty() || (!beyondDns.isEmpty() && !(onlyUpstreamPorts && onlyUpstreamPods))) {
                    fail(policy, "lets " + component + " reach " + (list(rule, "to").isEmpty() ? "everyone" : list(rule, "to"))
                            + " on " + (ports.isEmpty() ? "every port" : ports) + ": it may reach only DNS and its services' " + HTTP + " port");
                }
            }
        }
    }

    /** Each service a web component calls: its URL names the service's in-cluster Service, and the policies let the call through. */
    private void upstreams(String component, Map<String, Object> deployment, Map<String, Object> labels, String c,
            Map<String, Object> container) {
        model.upstreams().get(component).forEach((variable, service) -> {
            String url = env(container, variable);
            URI uri = url == null ? null : URI.create(url.strip());
            Map<String, Object> target = find("Service", service);
            int port = uri == null || uri.getPort() == -1 ? 80 : uri.getPort();
            boolean toService = uri != null && "http".equals(uri.getScheme()) && uri.getHost() != null
                    && (uri.getHost().equals(service) || uri.getHost().startsWith(service + "."))
                    && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    && list(target, "spec", "ports").stream().anyMatch(p -> Integer.valueOf(port).equals(get(p, "port"))
                            && HTTP.equals(string(p, "targetPort")));
            if (!toService) {
                fail(deployment, c + variable + " is " + url + ": it must be http://" + service
                        + " (Service/" + service + ", a port targeting " + HTTP + "), the service " + component + " calls");
            }
            Map<String, Object> upstream = find("Deployment", service);
            Integer http = httpPort(upstream);
            if (http == null) {
                return;  // no Deployment or no http port: reported by workloadObjects() and ports()
            }
            if (!allows(labels, "Egress", podLabels(upstream), http)) {
                fail(deployment, "no NetworkPolicy lets it reach " + service + " on port " + HTTP + " (" + http + ")");
            }
            if (!allows(podLabels(upstream), "Ingress", labels, http)) {
                fail(upstream, "no NetworkPolicy lets " + component + " in on port " + HTTP + " (" + http + ")");
            }
        });
    }

    /** A peer that is only pods of the services the component calls (same namespace, no address range). */
    private boolean upstreamPeer(String component, Map<String, Object> peer) {
        Map<String, Object> selector = map(peer, "podSelector");
        if (!peer.keySet().equals(Set.of("podSelector")) || (map(selector, "matchLabels").isEmpty() && list(selector, "matchExpressions").isEmpty())) {
            return false;
        }
        Set<String> upstreams = new HashSet<>(model.upstreams().get(component).values());
        List<Map<String, Object>> selected = ofKind("Deployment").stream().filter(d -> selects(selector, podLabels(d))).toList();
        return !selected.isEmpty() && selected.stream().allMatch(d -> upstreams.contains(name(d)));
    }

    /**
     * A service with e-mail: where it names an SMTP relay, it talks TLS (STARTTLS or SMTPS), the links it mails are
     * https, and the network policies let it reach the relay's port. (Its account comes from the Secret: ports().)
     */
    private void mail(String service, PlatformModel.Mail mail) {
        Map<String, Object> deployment = find("Deployment", service);
        if (deployment == null) {
            return;  // reported by workloadObjects()
        }
        for (Map<String, Object> container : list(deployment, "spec", "template", "spec", "containers")) {
            String c = "container " + string(container, "name") + ": ";
            for (String link : mail.linkEnvs()) {
                String value = env(container, link);
                if (value != null && !value.startsWith("https://")) {
                    fail(deployment, c + link + " is " + value + ": people open e-mail links from anywhere, so it must be a public https address");
                }
            }
            String host = env(container, mail.hostEnv());
            if (host == null || host.isBlank()) {
                continue;  // no e-mail
            }
            for (String link : mail.linkEnvs()) {
                if (env(container, link) == null) {
                    fail(deployment, c + "mails through " + host + " but does not set " + link + " (the default is a local address)");
                }
            }
            boolean startTls = Boolean.parseBoolean(Objects.requireNonNullElse(env(container, mail.startTlsEnv()),
                    String.valueOf(mail.defaultStartTls())).strip());
            if (!startTls && !"true".equalsIgnoreCase(String.valueOf(env(container, SMTP_SSL_ENABLE)).strip())) {
                fail(deployment, c + "mails through " + host + " without TLS: " + mail.startTlsEnv() + " \"true\" (587) or "
                        + SMTP_SSL_ENABLE + " \"true\" (465), so the password never crosses the network in clear");
            }
            String port = env(container, mail.portEnv());
            int smtpPort = port == null ? mail.defaultPort() : Integer.parseInt(port.strip());
            if (!allows(podLabels(deployment), "Egress", null, smtpPort)) {
                fail(deployment, c + "mails through " + host + ":" + smtpPort + " but no NetworkPolicy lets it out on port " + smtpPort);
            }
        }
    }

    private static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return map(deployment, "spec", "template", "metadata", "labels");
    }

    private static Integer httpPort(Map<String, Object> deployment) {
        return list(deployment, "spec", "template", "spec", "containers").stream().map(c -> containerPort(c, HTTP))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The NetworkPolicies that select pods with these labels and restrict {@code direction} (Ingress, Egress). */
    private List<Map<String, Object>> policies(Map<String, Object> labels, String direction) {
        return ofKind("NetworkPolicy").stream().filter(p -> selects(map(p, "spec", "podSelector"), labels)).filter(p -> {
            Object types = get(p, "spec", "policyTypes");
            return types instanceof List<?> t ? t.contains(direction)
                    : "Ingress".equals(direction) || get(p, "spec", "egress") != null;
        }).toList();
    }

    /**
     * Whether pods with {@code labels} may exchange traffic in {@code direction} with pods labelled {@code peer} (same
     * namespace) on {@code port}; {@code peer} null: with an address outside the cluster. True when nothing restricts it.
     */
    private boolean allows(Map<String, Object> labels, String direction, Map<String, Object> peer, int port) {
        List<Map<String, Object>> policies = policies(labels, direction);
        String rules = "Ingress".equals(direction) ? "ingress" : "egress";
        String peers = "Ingress".equals(direction) ? "from" : "to";
        return policies.isEmpty() || policies.stream().flatMap(p -> list(p, "spec", rules).stream()).anyMatch(rule ->
                (list(rule, "ports").isEmpty() || list(rule, "ports").stream().anyMatch(p -> covers(p, Set.<Object>of(port))))
                        && (list(rule, peers).isEmpty() || list(rule, peers).stream().anyMatch(candidate -> peer == null
                                ? candidate.containsKey("ipBlock")
                                : candidate.containsKey("podSelector") && !candidate.containsKey("ipBlock")
                                        && map(candidate, "namespaceSelector").isEmpty() && selects(map(candidate, "podSelector"), peer))));
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

    /** Each workload has its Deployment, Service, ServiceAccount, ConfigMap, PodDisruptionBudget and an autoscaler. */
    private void workloadObjects(String workload) {
        for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget")) {
            if (find(kind, workload) == null) {
                violations.add(kind + "/" + workload + " is missing");
            }
        }
        if (find("HorizontalPodAutoscaler", workload) == null && find("ScaledObject", workload) == null) {
            violations.add("HorizontalPodAutoscaler/" + workload + " (or a KEDA ScaledObject) is missing");
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
                    String group = model.consumerGroups().getOrDefault(target, Map.of()).get(string(trigger, "metadata", "topic"));
                    if ("kafka".equals(string(trigger, "type")) && group != null
                            && !group.equals(string(trigger, "metadata", "consumerGroup"))) {
                        fail(autoscaler, "kafka trigger on topic " + string(trigger, "metadata", "topic") + " watches group "
                                + string(trigger, "metadata", "consumerGroup") + ", but " + target + " consumes it in group " + group);
                    }
                    // The scaler runs in KEDA's namespace: a short service name resolves there, not here.
                    String servers = string(trigger, "metadata", "bootstrapServers");
                    String namespace = string(autoscaler, "metadata", "namespace");
                    if ("kafka".equals(string(trigger, "type")) && (servers == null || namespace == null
                            || !servers.contains("." + namespace + ".svc"))) {
                        fail(autoscaler, "kafka trigger's bootstrapServers " + servers + " must name the broker service in "
                                + namespace + " with its namespace (….svc): KEDA resolves it from its own namespace");
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
        model.consumerGroups().forEach((service, groups) -> {
            Map<String, Object> user = find("KafkaUser", service);
            for (String group : user == null ? Set.<String>of() : Set.copyOf(groups.values())) {
                if (list(user, "spec", "authorization", "acls").stream().noneMatch(acl -> readsGroup(acl, group))) {
                    fail(user, "no ACL lets " + service + " read its consumer group " + group);
                }
            }
        });
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

    private static boolean readsGroup(Map<String, Object> acl, String group) {
        String name = string(acl, "resource", "name");
        boolean names = "prefix".equals(string(acl, "resource", "patternType")) ? group.startsWith(name) : group.equals(name);
        return "group".equals(string(acl, "resource", "type")) && names && String.valueOf(acl.get("operations")).contains("Read");
    }

    private List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    private Map<String, Object> find(String kind, String name) {
        return name == null ? null
                : objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst().orElse(null);
    }

    private void fail(Map<String, Object> object, String message) {
        violations.add(id(object) + ": " + message);
    }
}
