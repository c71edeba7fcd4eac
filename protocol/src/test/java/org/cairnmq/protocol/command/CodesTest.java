package org.cairnmq.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CodesTest {

    @Test
    void shouldFindEveryCommandByItsWireValue() {
        for (final CommandCode command : CommandCode.values()) {
            assertThat(CommandCode.fromCode(command.code())).isEqualTo(command);
        }
    }

    @Test
    void shouldAnswerUnknownForCommandCodesOfANewerPeer() {
        assertThat(CommandCode.fromCode(0)).isEqualTo(CommandCode.UNKNOWN);
        assertThat(CommandCode.fromCode(5)).isEqualTo(CommandCode.UNKNOWN);
        assertThat(CommandCode.fromCode(32_767)).isEqualTo(CommandCode.UNKNOWN);
        assertThat(CommandCode.fromCode(-2)).isEqualTo(CommandCode.UNKNOWN);
        assertThat(CommandCode.fromCode(Integer.MIN_VALUE)).isEqualTo(CommandCode.UNKNOWN);
    }

    @Test
    void shouldPinTheWireValuesOfHotCommands() {
        assertThat(CommandCode.HANDSHAKE.code()).isEqualTo(1);
        assertThat(CommandCode.SEND.code()).isEqualTo(210);
        assertThat(CommandCode.DELIVER.code()).isEqualTo(311);
        assertThat(CommandCode.ACK.code()).isEqualTo(320);
        assertThat(CommandCode.XA_PREPARE.code()).isEqualTo(452);
        assertThat(CommandCode.UNKNOWN.code()).isEqualTo(-1);
    }

    @Test
    void shouldKeepEveryWireValueDistinctAndWithinAShort() {
        assertThat(Arrays.stream(CommandCode.values()).mapToInt(CommandCode::code).distinct().count())
            .isEqualTo(CommandCode.values().length);
        assertThat(Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::code).distinct().count())
            .isEqualTo(ErrorCode.values().length);
        assertThat(Arrays.stream(CommandCode.values()).mapToInt(CommandCode::code)).allMatch(c -> c <= Short.MAX_VALUE);
        assertThat(Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::code)).allMatch(c -> c <= Short.MAX_VALUE);
    }

    @Test
    void shouldFindEveryErrorCodeByItsWireValue() {
        for (final ErrorCode errorCode : ErrorCode.values()) {
            assertThat(ErrorCode.fromCode(errorCode.code())).isEqualTo(errorCode);
        }
        assertThat(ErrorCode.fromCode(0)).isEqualTo(ErrorCode.OK);
        assertThat(ErrorCode.fromCode(899)).isEqualTo(ErrorCode.UNKNOWN);
        assertThat(ErrorCode.fromCode(1_000)).isEqualTo(ErrorCode.UNKNOWN);
    }

    @Test
    void shouldCarryTheErrorCodeCorrelationIdAndSyncStateInAProtocolException() {
        final ProtocolException inSync = new ProtocolException(ErrorCode.FRAME_TOO_LARGE, "big", 9L, true);
        final ProtocolException plain = new ProtocolException(ErrorCode.MESSAGE_FORMAT, "bad value");

        assertThat(inSync.errorCode()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(inSync.correlationId()).isEqualTo(9L);
        assertThat(inSync.isStreamInSync()).isTrue();
        assertThat(inSync).hasMessage("FRAME_TOO_LARGE: big");
        assertThat(plain.correlationId()).isEqualTo(ProtocolException.NO_CORRELATION_ID);
        assertThat(plain).isInstanceOf(RuntimeException.class);
    }
}
