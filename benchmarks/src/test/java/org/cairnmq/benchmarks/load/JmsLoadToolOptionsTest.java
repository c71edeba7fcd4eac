package org.cairnmq.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JmsLoadToolOptionsTest {

    private static LoadConfig parse(String... args) {
        JmsLoadTool tool = new JmsLoadTool();
        JmsLoadTool.commandLine(tool).parseArgs(args);
        return tool.toConfig();
    }

    @Test
    void shouldApplyDocumentedDefaults() {
        LoadConfig config = parse("--jndi", "jndi.properties", "--scenario", "send");

        assertThat(config.jndiFile()).isEqualTo(Path.of("jndi.properties"));
        assertThat(config.factoryName()).isEqualTo("ConnectionFactory");
        assertThat(config.queueName()).isEqualTo("loadQueue");
        assertThat(config.scenario()).isEqualTo(Scenario.SEND);
        assertThat(config.persistent()).isTrue();
        assertThat(config.producers()).isEqualTo(1);
        assertThat(config.consumers()).isEqualTo(1);
        assertThat(config.messages()).isEqualTo(20_000);
        assertThat(config.sizeBytes()).isEqualTo(1024);
        assertThat(config.durationSeconds()).isEqualTo(60);
        assertThat(config.ratePerSecond()).isEqualTo(1000);
        assertThat(config.warmupMessages()).isZero();
        assertThat(config.user()).isNull();
    }

    @Test
    void shouldParseEveryOption() {
        LoadConfig config = parse("--jndi", "/tmp/j.properties", "--factory", "CF", "--queue", "q1",
                "--user", "admin", "--password", "secret", "--scenario", "ROUNDTRIP", "--non-persistent",
                "--producers", "16", "--consumers", "4", "--messages", "50000", "--size", "256",
                "--duration-seconds", "30", "--rate", "2000", "--warmup", "5000");

        assertThat(config).isEqualTo(new LoadConfig(Path.of("/tmp/j.properties"), "CF", "q1", "admin",
                "secret", Scenario.ROUNDTRIP, false, 16, 4, 50_000, 256, 30, 2000, 5000));
        assertThat(config.deliveryLabel()).isEqualTo("non-persistent");
        assertThat(config.durationNanos()).isEqualTo(30_000_000_000L);
    }

    @Test
    void shouldAcceptLowerCaseScenarioNames() {
        assertThat(parse("--jndi", "j", "--scenario", "consume").scenario()).isEqualTo(Scenario.CONSUME);
        assertThat(Scenario.ROUNDTRIP.label()).isEqualTo("roundtrip");
    }

    @Test
    void shouldRejectPersistentTogetherWithNonPersistent() {
        assertThatThrownBy(() -> parse("--jndi", "j", "--scenario", "send", "--persistent", "--non-persistent"))
                .isInstanceOf(LoadToolException.class)
                .hasMessageContaining("exclude each other");
    }

    @Test
    void shouldRejectOutOfRangeCounts() {
        assertThatThrownBy(() -> parse("--jndi", "j", "--scenario", "send", "--producers", "0"))
                .hasMessageContaining("--producers");
        assertThatThrownBy(() -> parse("--jndi", "j", "--scenario", "send", "--messages", "0"))
                .hasMessageContaining("--messages");
        assertThatThrownBy(() -> parse("--jndi", "j", "--scenario", "send", "--size", "-1"))
                .hasMessageContaining("--size");
        assertThatThrownBy(() -> parse("--jndi", "j", "--scenario", "send", "--duration-seconds", "0"))
                .hasMessageContaining("--duration-seconds");
        assertThatThrownBy(() -> parse("--jndi", "j", "--scenario", "send", "--user", "admin"))
                .hasMessageContaining("--user and --password");
    }

    @Test
    void shouldFailParsingWithoutRequiredOptionsOrWithUnknownScenario() {
        assertThatThrownBy(() -> parse("--scenario", "send"))
                .isInstanceOf(CommandLine.MissingParameterException.class);
        assertThatThrownBy(() -> parse("--jndi", "j", "--scenario", "publish"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void shouldExitWithUsageErrorCodeForBadOptions() {
        JmsLoadTool tool = new JmsLoadTool();
        CommandLine commandLine = JmsLoadTool.commandLine(tool);
        commandLine.setErr(new java.io.PrintWriter(new java.io.StringWriter()));

        assertThat(commandLine.execute("--jndi", "j", "--scenario", "nope")).isEqualTo(2);
    }

    @Test
    void shouldKeepEverythingButTheMessageCountForTheWarmUp() {
        LoadConfig config = parse("--jndi", "j", "--scenario", "send", "--warmup", "10", "--producers", "3");

        LoadConfig warmup = config.withMessages(10);

        assertThat(warmup.messages()).isEqualTo(10);
        assertThat(warmup.producers()).isEqualTo(3);
        assertThat(warmup.scenario()).isEqualTo(Scenario.SEND);
    }
}
