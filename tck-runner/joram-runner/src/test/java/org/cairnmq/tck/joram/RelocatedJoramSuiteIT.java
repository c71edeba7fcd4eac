package org.cairnmq.tck.joram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import junit.framework.TestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.objectweb.jtests.jms.framework.JMSTestCase;

/**
 * Checks the relocated Joram jar that Failsafe scans: that the relocation left no {@code javax.jms}
 * type behind, and that the whole suite is there, so that a suite shrunk by a build change cannot pass
 * for a green one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RelocatedJoramSuiteIT {

    /** The size of the Joram suite, org.fusesource.joram-jms-tests 1.0. */
    private static final int JORAM_TEST_COUNT = 196;

    private static final String CONFORMANCE_PACKAGE_PATH = "org/objectweb/jtests/jms/conform/";

    @Test
    void shouldNameNoJavaxJmsTypeInAnyRelocatedClass() throws IOException, URISyntaxException {
        final List<String> unrelocated = new ArrayList<>();
        try (JarFile jar = relocatedJar()) {
            for (final JarEntry entry : classEntries(jar)) {
                final String bytes = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                if (bytes.contains("javax/jms/")) {
                    unrelocated.add(entry.getName());
                }
            }
        }
        assertThat(unrelocated).isEmpty();
    }

    @Test
    void shouldHoldEveryTestOfTheJoramSuite() throws IOException, URISyntaxException, ClassNotFoundException {
        int tests = 0;
        try (JarFile jar = relocatedJar()) {
            for (final JarEntry entry : classEntries(jar)) {
                if (entry.getName().startsWith(CONFORMANCE_PACKAGE_PATH)) {
                    tests += testMethodCount(Class.forName(className(entry)));
                }
            }
        }
        assertThat(tests).isEqualTo(JORAM_TEST_COUNT);
    }

    private static int testMethodCount(final Class<?> type) {
        if (!TestCase.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            return 0;
        }
        int count = 0;
        for (final Method method : type.getMethods()) {
            if (method.getName().startsWith("test") && method.getParameterCount() == 0
                && method.getReturnType() == void.class) {
                count++;
            }
        }
        return count;
    }

    private static JarFile relocatedJar() throws IOException, URISyntaxException {
        final Path location = Path.of(JMSTestCase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new JarFile(location.toFile());
    }

    private static List<JarEntry> classEntries(final JarFile jar) {
        final List<JarEntry> classes = new ArrayList<>();
        final Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            final JarEntry entry = entries.nextElement();
            if (entry.getName().endsWith(".class")) {
                classes.add(entry);
            }
        }
        return classes;
    }

    private static String className(final JarEntry entry) {
        final String name = entry.getName();
        return name.substring(0, name.length() - ".class".length()).replace('/', '.');
    }
}
