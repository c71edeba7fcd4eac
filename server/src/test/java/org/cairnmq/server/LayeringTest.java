package org.cairnmq.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the layering of ARCHITECTURE.md: {@code store} → {@code broker} → {@code remoting}, with
 * {@code naming} and {@code admin} beside them; lower layers never import upper ones, and nothing in
 * the server knows a JMS type.
 */
class LayeringTest {

    private static JavaClasses serverClasses;

    @BeforeAll
    static void importServerClasses() {
        serverClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cairnmq.server");
    }

    @Test
    void storeShouldKnowNeitherDestinationsNorTheLayersAboveIt() {
        noClasses().that().resideInAPackage("org.cairnmq.server.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.cairnmq.server.broker..",
                        "org.cairnmq.server.remoting..",
                        "org.cairnmq.server.naming..",
                        "org.cairnmq.server.admin..",
                        "org.cairnmq.protocol..",
                        "jakarta.jms..")
                .check(serverClasses);
    }

    @Test
    void brokerShouldNotReachUpIntoRemoting() {
        noClasses().that().resideInAPackage("org.cairnmq.server.broker..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.cairnmq.server.remoting..", "org.cairnmq.server.admin..")
                .allowEmptyShould(true)
                .check(serverClasses);
    }

    @Test
    void serverShouldNotDependOnTheJmsApiOrTheProvider() {
        noClasses().that().resideInAPackage("org.cairnmq.server..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.jms..", "org.cairnmq.jms..")
                .check(serverClasses);
    }
}
