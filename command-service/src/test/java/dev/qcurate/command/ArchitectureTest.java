package dev.qcurate.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package-by-feature holds only while these rules do. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.qcurate.command");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.qcurate.command.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void neverUsesQueryServiceCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.qcurate.query..")
                .check(CLASSES);
    }

    @Test
    void noTechnicalLayerPackagesBesideConfig() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "..model..", "..service..", "..web..", "..controller..", "..repository..", "..util..")
                .check(CLASSES);
    }

    @Test
    void onlyConfigDependsOnConfig() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.qcurate.command.config..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.qcurate.command.config..")
                .check(CLASSES);
    }
}
