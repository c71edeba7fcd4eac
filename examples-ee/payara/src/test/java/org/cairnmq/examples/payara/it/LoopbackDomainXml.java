package org.cairnmq.examples.payara.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Edits a freshly created domain's {@code config/domain.xml}, before its first start, so that the server
 * listens on 127.0.0.1 only and runs without its Hazelcast data grid.
 *
 * <p>Only the {@code server-config} section (the DAS's own configuration) is changed: every
 * {@code network-listener} (HTTP, HTTPS, admin) gets {@code address="127.0.0.1"}, the IIOP listeners and
 * the JMX connector move from {@code 0.0.0.0} to it, and {@code hazelcast-config-specific-configuration}
 * gets {@code enabled="false"} (the grid would otherwise open ports and search for cluster members).
 *
 * <p>Design note: {@code asadmin set ...address=127.0.0.1} needs a running server, which would already
 * have listened on every interface and need a restart for the admin listener; editing the file before
 * the first start costs nothing. Each edit must match, so a changed Payara template fails here, loudly,
 * rather than leaving a port open on every interface.
 */
final class LoopbackDomainXml {

    private static final String SECTION_START = "<config name=\"server-config\">";
    private static final String SECTION_END = "</config>";
    private static final String LOOPBACK = "127.0.0.1";

    private LoopbackDomainXml() {
    }

    /**
     * Applies the edits.
     *
     * @param domainXml the domain's {@code config/domain.xml}
     * @throws IllegalStateException if the file does not have the shape of Payara 6's template
     */
    static void apply(final Path domainXml) {
        try {
            final String text = Files.readString(domainXml, StandardCharsets.UTF_8);
            final int start = requireIndex(text, text.indexOf(SECTION_START), SECTION_START);
            final int end = requireIndex(text, text.indexOf(SECTION_END, start), SECTION_END);
            String section = text.substring(start, end);
            section = replaceAll(section, "<network-listener port=",
                "<network-listener address=\"" + LOOPBACK + "\" port=");
            section = replaceAll(section, "address=\"0.0.0.0\"", "address=\"" + LOOPBACK + "\"");
            section = replaceAll(section, "<hazelcast-config-specific-configuration>",
                "<hazelcast-config-specific-configuration enabled=\"false\">");
            Files.writeString(domainXml, text.substring(0, start) + section + text.substring(end),
                StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot edit " + domainXml, e);
        }
    }

    private static int requireIndex(final String text, final int index, final String what) {
        if (index < 0) {
            throw new IllegalStateException("domain.xml has no " + what + " (" + text.length() + " chars)");
        }
        return index;
    }

    private static String replaceAll(final String section, final String target, final String replacement) {
        if (!section.contains(target)) {
            throw new IllegalStateException("server-config of domain.xml has no " + target);
        }
        return section.replace(target, replacement);
    }
}
