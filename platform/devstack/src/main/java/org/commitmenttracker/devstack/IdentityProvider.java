package org.commitmenttracker.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OpenID Connect provider of local runs (platform/identity-provider), run from its jar like a service: people
 * sign in to the dashboard there and agency systems get tokens with client credentials. It signs with the data
 * directory's key ({@link LocalIssuer}), so the services trust its tokens unchanged. Its demo accounts, with
 * passwords and client secrets generated on first use, are kept in {@code <data-dir>/identity/accounts.properties}
 * (readable by its owner only), which the provider imports.
 */
public final class IdentityProvider {
    /** One demo user per role (named after it) and the demo agency's system. */
    public static final List<DemoAccount> USERS = List.of(
            new DemoAccount("operator", List.of("operator"), null),
            new DemoAccount("publisher", List.of("publisher"), null),
            new DemoAccount("agency", List.of("agency"), "mofcom"),
            new DemoAccount("subscriber", List.of("subscriber"), null),
            new DemoAccount("reader", List.of("reader"), null));
    public static final List<DemoAccount> CLIENTS = List.of(new DemoAccount("agency-mofcom", List.of("agency"), "mofcom"));
    /** The dashboard's sign-in client, a public one (authorization code + PKCE). */
    public static final String DASHBOARD_CLIENT_ID = "dashboard";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private IdentityProvider() {
    }

    public record DemoAccount(String name, List<String> roles, String agency) {
    }

    public static URI issuer(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    public static Path accountsFile(Path dataDir) {
        return dataDir.resolve("identity").resolve("accounts.properties");
    }

    /**
     * Starts the provider on {@code port}, signing with {@code signingKey} (PKCS#8 PEM), sending people back to
     * {@code dashboardUrl} after sign-in and sign-out; its accounts are {@code dataDir}'s.
     */
    public static ManagedProcess start(Path projectRoot, Path dataDir, Path signingKey, int port, URI dashboardUrl, Path logDir) {
        Path accounts = accountsFile(dataDir);
        writeAccountsOnce(accounts);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("TRACKER_IDENTITY_ISSUER", issuer(port).toString());
        env.put("TRACKER_IDENTITY_SIGNING_KEY", signingKey.toAbsolutePath().toString());
        env.put("TRACKER_IDENTITY_DASHBOARD_CLIENT_ID", DASHBOARD_CLIENT_ID);
        env.put("TRACKER_IDENTITY_DASHBOARD_REDIRECT_URIS", dashboardUrl.toString());
        env.put("SPRING_CONFIG_IMPORT", "file:" + accounts.toAbsolutePath());
        ClassDataArchive classData = ClassDataArchive.of(jar(projectRoot));
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", ManagedProcess.NO_PERF_DATA));
        command.addAll(classData.jvmOptions());
        command.addAll(List.of(ParentWatch.agentOption(), "-jar", classData.jar().toString()));
        ManagedProcess process = ManagedProcess.start("identity-provider", command, env, logDir.resolve("identity-provider.log"));
        return process.onceReady(() -> classData.writeOnceReady(process.pid()));
    }

    /** Waits for the provider's discovery document. */
    public static void awaitReady(ManagedProcess process, int port, Duration timeout) {
        process.awaitReady(() -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(issuer(port) + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, timeout);
    }

    /** The demo users' passwords and the clients' secrets, by name, as written to the accounts file. */
    public static Map<String, String> secrets(Path dataDir) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(accountsFile(dataDir))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("No demo accounts in " + accountsFile(dataDir) + ": run ./dev up first", e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String kind : List.of("users", "clients")) {
            for (int i = 0; properties.containsKey(key(kind, i, "name")); i++) {
                secrets.put(properties.getProperty(key(kind, i, "name")), properties.getProperty(key(kind, i, "secret")));
            }
        }
        return secrets;
    }

    /**
     * An access token for {@code clientId} from the provider at {@code port} (client credentials, as an agency's
     * system gets one), its secret read from the data directory.
     */
    public static String clientCredentialsToken(Path dataDir, int port, String clientId) throws IOException, InterruptedException {
        String secret = secrets(dataDir).get(clientId);
        if (secret == null || CLIENTS.stream().noneMatch(c -> c.name().equals(clientId))) {
            throw new IllegalArgumentException("No client " + clientId + " (clients: "
                    + CLIENTS.stream().map(DemoAccount::name).toList() + ")");
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer(port) + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("The provider at " + issuer(port) + " answered " + response.statusCode() + ": " + response.body());
        }
        return token.group(1);
    }

    private static void writeAccountsOnce(Path file) {
        if (Files.exists(file)) {
            return;
        }
        StringBuilder properties = new StringBuilder("# Demo accounts of ./dev up's identity provider: for local runs only.\n");
        appendAccounts(properties, "users", USERS);
        appendAccounts(properties, "clients", CLIENTS);
        try {
            LocalIssuer.writeOwnerOnly(file, properties.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void appendAccounts(StringBuilder properties, String kind, List<DemoAccount> accounts) {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < accounts.size(); i++) {
            DemoAccount account = accounts.get(i);
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            properties.append(key(kind, i, "name")).append('=').append(account.name()).append('\n')
                    .append(key(kind, i, "secret")).append('=').append(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)).append('\n')
                    .append(key(kind, i, "roles")).append('=').append(String.join(",", account.roles())).append('\n');
            if (account.agency() != null) {
                properties.append(key(kind, i, "agency")).append('=').append(account.agency()).append('\n');
            }
        }
    }

    private static String key(String kind, int index, String field) {
        return "tracker.identity." + kind + "[" + index + "]." + field;
    }

    private static Path jar(Path projectRoot) {
        Path target = projectRoot.resolve("platform/identity-provider/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("identity-provider-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in " + target + ": run ./dev build"));
        } catch (IOException e) {
            throw new UncheckedIOException("No build output in " + target + ": run ./dev build", e);
        }
    }
}
