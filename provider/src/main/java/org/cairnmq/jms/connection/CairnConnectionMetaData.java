package org.cairnmq.jms.connection;

import jakarta.jms.ConnectionMetaData;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.cairnmq.jms.message.PropertyNames;

/** What a Cairn connection says about the API and the provider. Immutable. */
public final class CairnConnectionMetaData implements ConnectionMetaData {

    /** The provider's name. */
    public static final String PROVIDER_NAME = "Cairn";

    /** The provider's version. */
    public static final String PROVIDER_VERSION = "0.1.0";

    /** The provider's major version. */
    public static final int PROVIDER_MAJOR_VERSION = 0;

    /** The provider's minor version. */
    public static final int PROVIDER_MINOR_VERSION = 1;

    /** The JMSX properties the provider supports. */
    private static final List<String> JMSX_PROPERTY_NAMES =
        List.of(PropertyNames.JMSX_DELIVERY_COUNT, PropertyNames.JMSX_GROUP_ID, PropertyNames.JMSX_GROUP_SEQ);

    /** Creates the metadata. */
    public CairnConnectionMetaData() {
    }

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return PROVIDER_NAME;
    }

    @Override
    public String getProviderVersion() {
        return PROVIDER_VERSION;
    }

    @Override
    public int getProviderMajorVersion() {
        return PROVIDER_MAJOR_VERSION;
    }

    @Override
    public int getProviderMinorVersion() {
        return PROVIDER_MINOR_VERSION;
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(JMSX_PROPERTY_NAMES);
    }
}
