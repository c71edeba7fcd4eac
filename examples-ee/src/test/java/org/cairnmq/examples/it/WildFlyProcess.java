package org.cairnmq.examples.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The WildFly process that Arquillian's managed container launched as a child of the test JVM.
 */
public final class WildFlyProcess {

    private WildFlyProcess() {
    }

    /**
     * Kills the server the way {@code kill -9} does ({@link ProcessHandle#destroyForcibly()} sends SIGKILL
     * on Linux and macOS): no shutdown hook, no transaction completion, no flush.
     *
     * @param deadline how long to wait for the process to be gone
     * @return the killed process id
     */
    public static long killHard(final Duration deadline) {
        final ProcessHandle server = find();
        if (!server.destroyForcibly()) {
            throw new IllegalStateException("could not signal WildFly (pid " + server.pid() + ")");
        }
        try {
            server.onExit().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("WildFly (pid " + server.pid() + ") did not exit within " + deadline, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while WildFly was being killed", e);
        }
        return server.pid();
    }

    private static ProcessHandle find() {
        final List<ProcessHandle> servers = ProcessHandle.current().descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar"))
            .toList();
        if (servers.size() != 1) {
            throw new IllegalStateException("expected one WildFly child process, found " + servers.size());
        }
        return servers.get(0);
    }
}
