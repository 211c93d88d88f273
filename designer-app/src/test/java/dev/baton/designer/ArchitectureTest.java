package dev.baton.designer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The designer talks to the engine only through public launchers, and its document model knows no widgets. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.baton.designer");

    @Test
    void designerDoesNotReachIntoTheEngine() {
        // the embedded engine is started through the public launcher only; everything else goes over HTTP
        noClasses().that().resideInAPackage("dev.baton.designer..").should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("engine classes other than the launcher",
                                c -> c.getPackageName().startsWith("dev.baton.engine")
                                        && !LAUNCHER.contains(c.getName())))
                .check(classes);
    }

    private static final java.util.Set<String> LAUNCHER = java.util.Set.of("dev.baton.engine.Baton",
            "dev.baton.engine.BatonEngine", "dev.baton.engine.server.EngineServer");

    @Test
    void theDocumentModelAndRenderersKnowNoWidgets() {
        noClasses().that().resideInAnyPackage("dev.baton.designer.model..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "dev.baton.designer.ui..", "dev.baton.designer.render..").check(classes);
        noClasses().that().resideInAnyPackage("dev.baton.designer.render..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.baton.designer.ui..").check(classes);
    }
}
