package org.commitmenttracker.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commitmenttracker.deploy.settings.SettingsTables;
import org.commitmenttracker.events.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * What the code says the platform is: the topics of {@link Topics} and, per service, the topics its consumer
 * bindings read, the consumer group of each, and their dead-letter topics; per web component, the services it calls; per workload, how long one
 * shutdown phase may take; per service with e-mail, the environment variables of its SMTP settings (all from the
 * modules' own application.yml). The manifests are checked against this, so there is no second list to keep in step.
 */
record PlatformModel(Set<String> topics, Map<String, Map<String, String>> consumerGroups,
        Map<String, Set<String>> deadLetterTopics,
        Map<String, Map<String, String>> upstreams, Map<String, Integer> shutdownPhaseSeconds, Map<String, Mail> mail) {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    /** The APIs: each has its MongoDB database, its KafkaUser, and verifies callers' tokens. */
    static final Set<String> SERVICES = Set.of("ingestion-service", "extraction-service",
            "commitment-registry-service", "notification-service");
    /** Web components (services/&lt;name&gt;): HTTP only, calling the services; no Kafka, no MongoDB, no Secret. */
    static final Set<String> WEB_COMPONENTS = Set.of("dashboard");
    /** Spring Boot's spring.lifecycle.timeout-per-shutdown-phase when neither the module nor service-defaults.yml sets it. */
    static final int BOOT_SHUTDOWN_PHASE_SECONDS = 30;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::(.*))?}");

    /**
     * The environment variables behind a service's {@code spring.mail.*} and the addresses its e-mails link to
     * ({@code tracker.email.*-url}, in the yml or a typed settings record), with the code's defaults where the yml has one.
     */
    record Mail(String hostEnv, String portEnv, int defaultPort, String usernameEnv, String passwordEnv,
            String startTlsEnv, boolean defaultStartTls, Set<String> linkEnvs) {
    }

    /** Per service, the topics its consumer bindings read (in the order its application.yml binds them). */
    Map<String, Set<String>> consumedTopics() {
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        consumerGroups.forEach((service, groupByTopic) -> topics.put(service, groupByTopic.keySet()));
        return topics;
    }

    /** Every Deployment of the platform's own code: the services and the web components. */
    static Set<String> workloads() {
        Set<String> workloads = new TreeSet<>(SERVICES);
        workloads.addAll(WEB_COMPONENTS);
        return workloads;
    }

    static PlatformModel load() {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        Map<String, Set<String>> deadLetters = new LinkedHashMap<>();
        Map<String, Integer> shutdownPhases = new LinkedHashMap<>();
        Map<String, Mail> mail = new LinkedHashMap<>();
        Object serviceDefaults = K8s.get(yaml(ROOT.resolve("platform/service-support/src/main/resources/service-defaults.yml")),
                "spring", "lifecycle", "timeout-per-shutdown-phase");
        for (String service : new TreeSet<>(SERVICES)) {
            Map<String, Object> config = applicationYml(service);
            Map<String, String> groupByTopic = new LinkedHashMap<>();
            Set<String> dlqs = new LinkedHashSet<>();
            K8s.map(config, "spring", "cloud", "stream", "bindings").forEach((binding, value) -> {
                if (binding.contains("-in-")) {
                    groupByTopic.put(K8s.string(value, "destination"), K8s.string(value, "group"));
                }
            });
            K8s.map(config, "spring", "cloud", "stream", "kafka", "bindings").forEach((binding, value) -> {
                String dlq = K8s.string(value, "consumer", "dlq-name");
                if (dlq != null) {
                    dlqs.add(dlq);
                }
            });
            groups.put(service, groupByTopic);
            deadLetters.put(service, dlqs);
            shutdownPhases.put(service, seconds(K8s.get(config, "spring", "lifecycle", "timeout-per-shutdown-phase"), serviceDefaults));
            if (!K8s.map(config, "spring", "mail").isEmpty()) {
                mail.put(service, mail(service, config));
            }
        }
        Map<String, Map<String, String>> upstreams = new LinkedHashMap<>();
        for (String component : new TreeSet<>(WEB_COMPONENTS)) {
            Map<String, Object> config = applicationYml(component);
            upstreams.put(component, upstreams(component, config));
            shutdownPhases.put(component, seconds(K8s.get(config, "spring", "lifecycle", "timeout-per-shutdown-phase"), null));
        }
        return new PlatformModel(topicConstants(), groups, deadLetters, upstreams, shutdownPhases, mail);
    }

    /**
     * The services a web component calls: each {@code tracker.<component>.<short>-url} names, by its short name, the
     * one service called {@code <short>-service} or {@code …-<short>-service}; the variable that sets it is
     * {@code TRACKER_<COMPONENT>_<SHORT>_URL} (Spring's relaxed binding).
     */
    private static Map<String, String> upstreams(String component, Map<String, Object> config) {
        Map<String, String> upstreams = new LinkedHashMap<>();
        K8s.map(config, "tracker", component).keySet().stream().filter(key -> key.endsWith("-url")).sorted().forEach(key -> {
            String shortName = key.substring(0, key.length() - "-url".length());
            List<String> services = SERVICES.stream()
                    .filter(s -> s.equals(shortName + "-service") || s.endsWith("-" + shortName + "-service")).toList();
            if (services.size() != 1) {
                throw new IllegalStateException("tracker." + component + "." + key + " names no single service: " + services);
            }
            upstreams.put(environmentName("tracker." + component + "." + key), services.get(0));
        });
        if (upstreams.isEmpty()) {
            throw new IllegalStateException("services/" + component + "/src/main/resources/application.yml has no tracker."
                    + component + ".*-url: which services does it call?");
        }
        return upstreams;
    }

    private static Mail mail(String service, Map<String, Object> config) {
        Map<String, Object> mail = K8s.map(config, "spring", "mail");
        Set<String> links = new TreeSet<>();
        K8s.map(config, "tracker", "email").forEach((key, value) -> {
            if (key.endsWith("-url")) {
                links.add(placeholder(service, "tracker.email." + key, value).group(1));
            }
        });
        // Typed settings (their defaults in a record, not in application.yml) are bound from TRACKER_EMAIL_*_URL.
        String servicePackage = "org.commitmenttracker." + service.replace("-service", "").replace("-", "") + ".";
        SettingsTables.fromClassPath().stream().filter(s -> s.sourceType().startsWith(servicePackage))
                .filter(s -> s.property().startsWith("tracker.email.") && s.property().endsWith("-url"))
                .forEach(s -> links.add(s.variable()));
        Matcher port = placeholder(service, "spring.mail.port", mail.get("port"));
        Matcher startTls = placeholder(service, "spring.mail.properties.mail.smtp.starttls.required",
                K8s.map(mail, "properties").get("mail.smtp.starttls.required"));
        return new Mail(placeholder(service, "spring.mail.host", mail.get("host")).group(1), port.group(1),
                Integer.parseInt(port.group(2)), placeholder(service, "spring.mail.username", mail.get("username")).group(1),
                placeholder(service, "spring.mail.password", mail.get("password")).group(1), startTls.group(1),
                Boolean.parseBoolean(startTls.group(2)), links);
    }

    /** {@code ${NAME:default}}: the environment variable that sets a property, and its default. */
    private static Matcher placeholder(String module, String property, Object value) {
        Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
        if (!m.matches()) {
            throw new IllegalStateException(module + ": " + property + " is not set from an environment variable (${NAME:default}): " + value);
        }
        return m;
    }

    /** The environment variable Spring binds to a property: upper case, dots and dashes as underscores. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A whole-seconds duration such as {@code 20s}; {@code fallback} (same form) when unset, else Boot's default. */
    private static int seconds(Object value, Object fallback) {
        Object duration = value != null ? value : fallback;
        if (duration == null) {
            return BOOT_SHUTDOWN_PHASE_SECONDS;
        }
        Matcher m = Pattern.compile("(\\d+)s").matcher(String.valueOf(duration));
        if (!m.matches()) {
            throw new IllegalStateException("timeout-per-shutdown-phase " + duration + ": the manifest test reads whole seconds (\"20s\")");
        }
        return Integer.parseInt(m.group(1));
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

    private static Map<String, Object> applicationYml(String module) {
        return yaml(ROOT.resolve("services").resolve(module).resolve("src/main/resources/application.yml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
