package org.commitmenttracker.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.commitmenttracker.devstack.FreePorts;
import org.commitmenttracker.devstack.ManagedProcess;
import org.commitmenttracker.devstack.ServiceProcess;
import org.commitmenttracker.devstack.ServiceSpec;

/**
 * A JVM that starts one service as devstack and the tests do ({@link ServiceProcess}), writes the service's pid
 * once it is ready, and waits to be killed: {@link ServiceShutdownIT} kills it and watches the service.
 * <p>Usage: {@code ServiceLauncher PROJECT_ROOT SERVICE KAFKA MONGO_BASE_URI PUBLIC_KEY LOG_DIR PID_FILE}
 */
public final class ServiceLauncher {
    private ServiceLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path projectRoot = Path.of(args[0]);
        ServiceSpec spec = ServiceSpec.named(args[1]);
        ServiceProcess.Ports ports = new ServiceProcess.Ports(FreePorts.next(), FreePorts.next());
        ManagedProcess service = ServiceProcess.start(projectRoot, spec, ports, args[2], args[3], Path.of(args[4]),
                Path.of(args[5]), Map.of());
        ServiceProcess.awaitReady(service, ports, Duration.ofSeconds(240));
        Path pidFile = Path.of(args[6]);
        Path partial = Files.writeString(pidFile.resolveSibling(pidFile.getFileName() + ".partial"), String.valueOf(service.pid()));
        Files.move(partial, pidFile, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
