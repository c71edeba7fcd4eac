package org.cairnmq.tck.official;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the embedded broker when the JUnit Platform opens its launcher session (before the first
 * test class is even discovered) and stops it when the session closes (after the last test). JUnit
 * finds it through {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 *
 * <p>Design note: the TCK's test classes cannot be told to start a broker, and a Failsafe
 * pre-integration-test hook would need a second process; the launcher session is the one place that
 * runs once around every test of the forked JVM, the TCK's and this module's alike.
 */
public class TckBrokerSessionListener implements LauncherSessionListener {

    /** Creates the listener; the JUnit Platform instantiates it through the service loader. */
    public TckBrokerSessionListener() {
    }

    @Override
    public void launcherSessionOpened(final LauncherSession session) {
        TckBroker.start();
    }

    @Override
    public void launcherSessionClosed(final LauncherSession session) {
        TckBroker.stop();
    }
}
