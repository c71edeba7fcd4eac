package org.cairnmq.tck.joram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the admin hook binds in JNDI for the destinations a Joram test asks for. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CairnJoramAdminTest {

    @Test
    void shouldBindAQueueAndATopicUnderTheJndiNamesTheSuiteAsksFor() throws NamingException {
        final CairnJoramAdmin admin = new CairnJoramAdmin();
        admin.createQueue("testJoramQueue");
        admin.createTopic("testJoramTopic");

        final Context context = admin.createContext();

        assertThat(context.lookup("testJoramQueue")).isInstanceOf(CairnQueue.class);
        assertThat(context.lookup("testJoramTopic")).isInstanceOf(CairnTopic.class);
    }

    @Test
    void shouldGiveEachTestItsOwnPhysicalDestinationForTheSameJndiName() throws Exception {
        final CairnJoramAdmin first = new CairnJoramAdmin();
        final CairnJoramAdmin second = new CairnJoramAdmin();
        first.createQueue("testJoramQueue");
        second.createQueue("testJoramQueue");

        final CairnQueue firstQueue = (CairnQueue) first.createContext().lookup("testJoramQueue");
        final CairnQueue secondQueue = (CairnQueue) second.createContext().lookup("testJoramQueue");

        assertThat(firstQueue.getQueueName()).startsWith("testJoramQueue-");
        assertThat(firstQueue.getQueueName()).isNotEqualTo(secondQueue.getQueueName());
    }

    @Test
    void shouldUnbindADeletedQueue() throws NamingException {
        final CairnJoramAdmin admin = new CairnJoramAdmin();
        admin.createQueue("testJoramQueue");
        admin.deleteQueue("testJoramQueue");

        final Context context = admin.createContext();

        assertThatThrownBy(() -> context.lookup("testJoramQueue")).isInstanceOf(NameNotFoundException.class);
    }
}
