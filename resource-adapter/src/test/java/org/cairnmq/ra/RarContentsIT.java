package org.cairnmq.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens the built {@code target/cairn-ra.rar} (this runs in {@code verify}, after {@code package}) and
 * checks what a container will find in it: the adapter's classes, the provider and its dependencies,
 * no Jakarta API jar, and deployment descriptors that parse and name real classes and properties.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RarContentsIT {

    private static final String NS = "https://jakarta.ee/xml/ns/jakartaee";
    private static final Path RAR = Path.of(System.getProperty("basedir", "."), "target", "cairn-ra.rar");

    private static List<String> entries() throws Exception {
        try (ZipFile rar = new ZipFile(RAR.toFile())) {
            return Collections.list(rar.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void shouldPackageTheAdapterClassesTheProviderAndItsDependenciesWithoutJakartaApis() throws Exception {
        assertThat(RAR).exists();
        final List<String> entries = entries();

        assertThat(entries).contains("META-INF/ra.xml", "META-INF/ironjacamar.xml", "cairn-ra.jar");
        assertThat(entries).anyMatch(name -> name.startsWith("cairn-provider-") && name.endsWith(".jar"));
        assertThat(entries).anyMatch(name -> name.startsWith("cairn-protocol-") && name.endsWith(".jar"));
        assertThat(entries).anyMatch(name -> name.startsWith("netty-transport-") && name.endsWith(".jar"));
        assertThat(entries).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("jakarta."));
        assertThat(adapterJarClasses()).contains("org/cairnmq/ra/CairnResourceAdapter.class",
            "org/cairnmq/ra/outbound/CairnManagedConnectionFactory.class",
            "org/cairnmq/ra/inbound/CairnActivationSpec.class");
    }

    private static List<String> adapterJarClasses() throws Exception {
        final List<String> names = new ArrayList<>();
        try (ZipFile rar = new ZipFile(RAR.toFile());
             JarInputStream jar = new JarInputStream(rar.getInputStream(rar.getEntry("cairn-ra.jar")))) {
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static Document parse(final String entry) throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        final DocumentBuilder builder = factory.newDocumentBuilder();
        try (ZipFile rar = new ZipFile(RAR.toFile()); InputStream in = rar.getInputStream(rar.getEntry(entry))) {
            return builder.parse(in);
        }
    }

    @Test
    void shouldDeclareAConnector21DescriptorWhoseClassesAndPropertiesExist() throws Exception {
        final Document raXml = parse("META-INF/ra.xml");
        final Element root = raXml.getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("connector");
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(root.getAttribute("version")).isEqualTo("2.1");
        assertThat(root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation"))
            .endsWith("connector_2_1.xsd");
        assertThat(text(root, "transaction-support")).containsExactly("XATransaction");
        assertThat(text(root, "messagelistener-type")).containsExactly("jakarta.jms.MessageListener");
        final List<String> adapterClasses = adapterJarClasses();
        for (final String tag : List.of("resourceadapter-class", "managedconnectionfactory-class",
            "connectionfactory-impl-class", "connection-impl-class", "activationspec-class", "adminobject-class")) {
            for (final String className : text(root, tag)) {
                assertThat(adapterClasses).as(tag).contains(className.replace('.', '/') + ".class");
            }
        }
        assertPropertiesHaveSetters(root);
    }

    private static void assertPropertiesHaveSetters(final Element root) throws Exception {
        final NodeList properties = root.getElementsByTagNameNS(NS, "config-property");
        assertThat(properties.getLength()).isGreaterThan(20);
        for (int i = 0; i < properties.getLength(); i++) {
            final Element property = (Element) properties.item(i);
            final Element owner = (Element) property.getParentNode();
            final String ownerClass = text(owner, owner.getLocalName().equals("resourceadapter") ? "resourceadapter-class"
                : owner.getLocalName().equals("connection-definition") ? "managedconnectionfactory-class"
                : owner.getLocalName().equals("activationspec") ? "activationspec-class" : "adminobject-class").get(0);
            final String name = text(property, "config-property-name").get(0);
            final Class<?> type = Class.forName(text(property, "config-property-type").get(0));
            final String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            final Method method = Class.forName(ownerClass).getMethod(setter, type);
            assertThat(method).as(ownerClass + "." + setter + "(" + type.getName() + ")").isNotNull();
        }
    }

    @Test
    void shouldActivateTheConnectionFactoryAndAdminObjectsOnWildFly() throws Exception {
        final Element root = parse("META-INF/ironjacamar.xml").getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("ironjacamar");
        final NodeList definitions = root.getElementsByTagNameNS("*", "connection-definition");
        assertThat(definitions.getLength()).isEqualTo(1);
        assertThat(((Element) definitions.item(0)).getAttribute("class-name"))
            .isEqualTo("org.cairnmq.ra.outbound.CairnManagedConnectionFactory");
        final NodeList adminObjects = root.getElementsByTagNameNS("*", "admin-object");
        assertThat(adminObjects.getLength()).isGreaterThan(0);
        for (int i = 0; i < adminObjects.getLength(); i++) {
            Class.forName(((Element) adminObjects.item(i)).getAttribute("class-name"));
        }
        assertThat(Files.size(RAR)).isGreaterThan(0);
    }

    private static List<String> text(final Element parent, final String localName) {
        final NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        final List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }
}
