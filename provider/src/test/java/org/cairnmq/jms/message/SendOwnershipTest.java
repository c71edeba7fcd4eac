package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A message that an asynchronous send owns refuses to be modified until the send completes. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SendOwnershipTest {

    @Test
    void shouldRefuseBodyAndPropertyWritesWhileASendIsInProgress() {
        final CairnTextMessage message = new CairnTextMessage("first");
        message.setSendInProgress(true);

        assertThatThrownBy(() -> message.setText("second")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> message.setIntProperty("n", 1)).isInstanceOf(IllegalStateException.class);
        assertThat(message.getText()).isEqualTo("first");
    }

    @Test
    void shouldAcceptWritesAgainOnceTheSendCompleted() throws JMSException {
        final CairnMapMessage message = new CairnMapMessage();
        message.setSendInProgress(true);
        message.setSendInProgress(false);

        message.setInt("n", 2);
        message.setStringProperty("s", "v");

        assertThat(message.getInt("n")).isEqualTo(2);
        assertThat(message.getStringProperty("s")).isEqualTo("v");
    }
}
