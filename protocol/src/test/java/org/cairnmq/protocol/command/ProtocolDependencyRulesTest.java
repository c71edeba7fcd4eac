package org.cairnmq.protocol.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolDependencyRulesTest {

    @Test
    void shouldDependOnNothingButTheJdkNettyAndItself() {
        final JavaClasses protocol = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cairnmq.protocol");

        classes().that().resideInAPackage("org.cairnmq.protocol..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.netty..", "org.cairnmq.protocol..")
            .check(protocol);
    }

    @Test
    void shouldKeepTheWireFormatPackagesFreeOfTheSelector() {
        final JavaClasses protocol = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cairnmq.protocol");

        classes().that().resideInAnyPackage("org.cairnmq.protocol.frame..", "org.cairnmq.protocol.command..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.cairnmq.protocol.selector..")
            .check(protocol);
    }
}
