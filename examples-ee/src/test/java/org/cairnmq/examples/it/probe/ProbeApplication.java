package org.cairnmq.examples.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test-only probe application's REST root: {@code /cairn-probe/probe/...}. */
@ApplicationPath("probe")
public class ProbeApplication extends Application {
}
