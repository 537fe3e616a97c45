package org.commitmenttracker.devstack;

/**
 * Ends a child process (broker, store) when the JVM that launched it is gone, so a launcher killed
 * without running its shutdown hooks (SIGKILL, a crashed test JVM) leaves no orphan behind.
 */
final class ParentWatch {
    static final String PARENT_PID_PROPERTY = "devstack.parent.pid";

    private ParentWatch() {
    }

    static void install() {
        String pid = System.getProperty(PARENT_PID_PROPERTY);
        if (pid == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.err.println("devstack: launcher " + pid + " exited, stopping");
                    System.exit(0); // runs the node's shutdown hooks: the store commits, the broker closes its logs
                }),
                () -> System.exit(0));
    }
}
