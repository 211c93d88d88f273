package dev.baton.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared model is the contract every module builds on: it depends on the JDK alone and does no I/O. */
@AnalyzeClasses(packages = "dev.baton.model", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule model_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage("dev.baton.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.baton.model..", "java..")
            .because("shared-model depends on nothing of ours and no library");

    @ArchTest
    static final ArchRule model_does_no_io = noClasses()
            .that().resideInAPackage("dev.baton.model..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
            .because("shared-model holds values and rules, no I/O");
}
