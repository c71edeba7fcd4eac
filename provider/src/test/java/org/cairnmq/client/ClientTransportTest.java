package org.cairnmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The client runs on native epoll where the library ships, which the round-trip latency relies on. */
class ClientTransportTest {

    @Test
    void shouldRunOnNativeEpollOnLinuxX8664() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
            && System.getProperty("os.arch").matches("amd64|x86_64"), "the native library ships for linux-x86_64");

        assertThat(Epoll.isAvailable()).as("the native epoll library is on the class path and loads: %s",
            Epoll.unavailabilityCause()).isTrue();
        assertThat(ClientTransport.name()).isEqualTo("epoll");
        assertThat(ClientTransport.channelType()).isEqualTo(EpollSocketChannel.class);
    }
}
