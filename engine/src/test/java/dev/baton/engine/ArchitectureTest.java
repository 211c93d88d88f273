package dev.baton.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine core stays free of the web server, so it can be embedded and tested without HTTP. */
class ArchitectureTest {
    private final JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.baton.engine");

    @Test
    void onlyTheServerPackageUsesJavalin() {
        noClasses().that().resideOutsideOfPackage("dev.baton.engine.server..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .because("the engine core must run embedded without a web server")
                .check(engine);
    }

    @Test
    void elementBehavioursDoNotTouchTheDatabase() {
        noClasses().that().resideInAPackage("dev.baton.engine.behavior..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "dev.baton.engine.store..", "java.sql..")
                .because("behaviours change the step; the step writer stores it")
                .check(engine);
    }

    @Test
    void theApiModelHasNoDependenciesOnTheEngine() {
        noClasses().that().resideInAPackage("dev.baton.model.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.baton.model.api..", "java..")
                .check(new ClassFileImporter().importPackages("dev.baton.model.api"));
    }
}
