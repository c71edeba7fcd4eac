package org.cairnmq.jms.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CairnConnectionMetaDataTest {

    private final CairnConnectionMetaData metaData = new CairnConnectionMetaData();

    @Test
    void shouldReportJakartaMessaging31() {
        assertThat(metaData.getJMSVersion()).isEqualTo("3.1");
        assertThat(metaData.getJMSMajorVersion()).isEqualTo(3);
        assertThat(metaData.getJMSMinorVersion()).isEqualTo(1);
    }

    @Test
    void shouldNameTheProviderAndItsVersion() {
        assertThat(metaData.getJMSProviderName()).isEqualTo("Cairn");
        assertThat(metaData.getProviderVersion())
            .startsWith(metaData.getProviderMajorVersion() + "." + metaData.getProviderMinorVersion());
    }

    @Test
    void shouldListTheSupportedJmsxProperties() {
        assertThat(Collections.list(metaData.getJMSXPropertyNames()))
            .contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
    }
}
