package org.commitmenttracker.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: Kafka, the document store (H2, data kept in {@code --data-dir}) and the four
 * services, on 127.0.0.1, until Ctrl-C; and the local token issuer's command.
 * <p>Usage: {@code Devstack up [--demo] [--data-dir DIR]}; ports from {@code KAFKA_PORT} (9092),
 * {@code KAFKA_CONTROLLER_PORT} (9093), {@code STORE_PORT} (27017), {@code <SERVICE>_PORT} (8081–8084) and
 * {@code <SERVICE>_MANAGEMENT_PORT} (8181–8184).
 * <p>{@code Devstack token --role ROLE[,ROLE] [--agency ID] [--subject NAME] [--ttl SECONDS] [--data-dir DIR]}
 * prints a bearer token signed by the data directory's key, which the services of {@code up} trust;
 * {@code Devstack token --client CLIENT_ID} gets one from the running identity provider with client credentials.
 * <p>{@code up} also starts the OpenID Connect provider ({@link IdentityProvider}, {@code IDENTITY_PORT}, 9000).
 */
public final class Devstack {
    private static final String USAGE = "usage: Devstack up [--demo] [--data-dir DIR]\n"
            + "       Devstack token --role ROLE[,ROLE] [--agency ID] [--subject NAME] [--ttl SECONDS] [--data-dir DIR]\n"
            + "       Devstack token --client CLIENT_ID [--data-dir DIR]   (client credentials at the running identity provider)";

    private Devstack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "token".equals(args[0])) {
            System.exit(printToken(args));
        }
        if (args.length == 0 || !"up".equals(args[0])) {
            System.err.println(USAGE);
            System.exit(2);
        }
        boolean demo = List.of(args).contains("--demo");
        Path dataDir = Path.of(optionValue(args, "--data-dir", ".devstack")).toAbsolutePath();
        LocalIssuer issuer = LocalIssuer.inDirectory(dataDir.resolve("jwt"));
        Path projectRoot = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        long started = System.nanoTime();

        int kafkaPort = port("KAFKA_PORT", 9092);
        int storePort = port("STORE_PORT", 27017);
        System.out.println("Starting Kafka on 127.0.0.1:" + kafkaPort + " and the document store on 127.0.0.1:"
                + storePort + " (data in " + dataDir + ", logs in " + dataDir.resolve("logs") + ")");
        Infrastructure infrastructure = Infrastructure.start(projectRoot, dataDir, kafkaPort,
                port("KAFKA_CONTROLLER_PORT", 9093), storePort, dataDir.resolve("store/documents.h2"));

        List<ManagedProcess> services = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping services, broker and store…");
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
            infrastructure.close();
            System.out.println("Stopped.");
        }, "devstack-stop"));

        int identityPort = port("IDENTITY_PORT", 9000);
        URI dashboardUrl = URI.create("http://127.0.0.1:" + ports(ServiceSpec.named("dashboard")).api() + "/");
        ManagedProcess identityProvider = IdentityProvider.start(projectRoot, dataDir,
                LocalIssuer.signingKeyFile(dataDir.resolve("jwt")), identityPort,
                dashboardUrl, dataDir.resolve("logs"));
        services.add(identityProvider);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, String> environment = new HashMap<>(
                    Map.of("TRACKER_NOTIFICATION_SECRETS_KEY", LocalIssuer.secretsKeyIn(dataDir.resolve("jwt"))));
            if (spec.name().equals("dashboard")) {
                environment.put("TRACKER_DASHBOARD_SIGNIN_ISSUER", IdentityProvider.issuer(identityPort).toString());
                environment.put("TRACKER_DASHBOARD_SIGNIN_CLIENT_ID", IdentityProvider.DASHBOARD_CLIENT_ID);
            }
            services.add(ServiceProcess.start(projectRoot, spec, ports(spec), infrastructure.kafkaBootstrapServers(),
                    infrastructure.mongoUri(""), LocalIssuer.publicKeyFile(dataDir.resolve("jwt")), dataDir.resolve("logs"),
                    environment));
        }
        IdentityProvider.awaitReady(identityProvider, identityPort, Duration.ofSeconds(180));
        for (int i = 0; i < ServiceSpec.ALL.size(); i++) {
            ServiceProcess.awaitReady(services.get(i + 1), ports(ServiceSpec.ALL.get(i)), Duration.ofSeconds(180));
        }
        System.out.printf("All services ready in %.1f s:%n", (System.nanoTime() - started) / 1e9);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            System.out.printf("  %-28s http://127.0.0.1:%d   (health, metrics: http://127.0.0.1:%d/actuator/health)%n",
                    spec.name(), ports(spec).api(), ports(spec).management());
        }
        System.out.println("  Kafka bootstrap              " + infrastructure.kafkaBootstrapServers());
        System.out.println("  MongoDB URI                  " + infrastructure.mongoUri(""));
        System.out.println("  Sign-in (OpenID Connect)     " + IdentityProvider.issuer(identityPort)
                + "   (the dashboard's sign-in; demo accounts, for local runs only, in " + IdentityProvider.accountsFile(dataDir) + ")");
        Map<String, String> secrets = IdentityProvider.secrets(dataDir);
        for (IdentityProvider.DemoAccount user : IdentityProvider.USERS) {
            System.out.printf("    user %-12s password %s   (roles: %s%s)%n", user.name(), secrets.get(user.name()),
                    String.join(", ", user.roles()), user.agency() == null ? "" : "; agency " + user.agency());
        }
        for (IdentityProvider.DemoAccount client : IdentityProvider.CLIENTS) {
            System.out.printf("    client %-10s client credentials, agency %s: ./dev token --client %s%n", client.name(), client.agency(), client.name());
        }
        System.out.println("  Tokens                       ./dev token --role reader   (roles: operator, publisher, agency"
                + " --agency ID, subscriber, reader), or from the provider: ./dev token --client agency-mofcom");
        if (demo) {
            new DemoLoader(ports(ServiceSpec.named("ingestion-service")).api(),
                    ports(ServiceSpec.named("extraction-service")).api(),
                    ports(ServiceSpec.named("commitment-registry-service")).api(),
                    issuer.token("devstack-demo", List.of("publisher", "reader"), null, Duration.ofMinutes(5)))
                    .load(projectRoot.resolve(DemoLoader.SAMPLE));
        }
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    private static int printToken(String[] args) throws IOException, InterruptedException {
        String client = optionValue(args, "--client", null);
        if (client != null) {
            Path dataDir = Path.of(optionValue(args, "--data-dir", ".devstack")).toAbsolutePath();
            System.out.println(IdentityProvider.clientCredentialsToken(dataDir, port("IDENTITY_PORT", 9000), client));
            return 0;
        }
        String roles = optionValue(args, "--role", null);
        if (roles == null) {
            System.err.println(USAGE);
            return 2;
        }
        String agency = optionValue(args, "--agency", null);
        List<String> roleList = List.of(roles.split(","));
        if (roleList.contains("agency") && agency == null) {
            System.err.println("An agency token needs --agency ID (the agency directory's id, e.g. mofcom).");
            return 2;
        }
        String subject = optionValue(args, "--subject", agency != null ? "agency-" + agency : "local-" + roleList.get(0));
        Duration validity = Duration.ofSeconds(Long.parseLong(optionValue(args, "--ttl", "3600")));
        Path dataDir = Path.of(optionValue(args, "--data-dir", ".devstack")).toAbsolutePath();
        System.out.println(LocalIssuer.inDirectory(dataDir.resolve("jwt")).token(subject, roleList, agency, validity));
        return 0;
    }

    static ServiceProcess.Ports ports(ServiceSpec spec) {
        String prefix = spec.name().replace("-service", "").replace('-', '_').toUpperCase();
        return new ServiceProcess.Ports(port(prefix + "_PORT", spec.defaultPort()),
                port(prefix + "_MANAGEMENT_PORT", spec.defaultManagementPort()));
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String optionValue(String[] args, String option, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(option)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
