package org.cairnmq.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CairnServerMainTest {

    @Test
    void shouldTurnEveryFlagIntoItsConfigurationKey() {
        final CommandLine commandLine = CairnServerMain.commandLine();
        commandLine.parseArgs("--data-dir", "/d", "--bind", "0.0.0.0", "--port", "0", "--name-server-port", "7",
            "--name-servers", "h:1", "--flush", "async", "--users-file", "/u", "--allow-anonymous", "false",
            "--name", "b", "-D", "store.retentionMs=5", "--name-server-only");

        final Map<String, String> overrides = ((CairnServerMain) commandLine.getCommand()).overrides();

        assertThat(overrides).containsOnly(Map.entry("server.dataDirectory", "/d"), Map.entry("server.bindAddress", "0.0.0.0"),
            Map.entry("server.port", "0"), Map.entry("nameServer.port", "7"), Map.entry("nameServer.addresses", "h:1"),
            Map.entry("store.flushMode", "async"), Map.entry("server.usersFile", "/u"),
            Map.entry("server.allowAnonymous", "false"), Map.entry("server.name", "b"),
            Map.entry("store.retentionMs", "5"), Map.entry("nameServer.only", "true"));
    }

    @Test
    void shouldReportABadValueAndExitWithAConfigurationError() {
        final CommandLine commandLine = CairnServerMain.commandLine();
        final StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        final int status = commandLine.execute("--port", "x");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("server.port=x is not a whole number");
    }
}
