package dev.qcurate.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package-by-feature holds only while these rules do; each service's {@code ArchitectureTest} runs them on its own
 * main code, naming its root package and the other service's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final String root;
    private final String otherService;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String root, String otherService) {
        this.root = root;
        this.otherService = otherService;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    @Test
    void neverUsesTheOtherServicesCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage(otherService + "..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noTechnicalLayerPackagesBesideConfig() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "..model..", "..service..", "..web..", "..controller..", "..repository..", "..util..")
                .check(classes);
    }

    @Test
    void onlyConfigDependsOnConfig() {
        noClasses()
                .that()
                .resideOutsideOfPackage(root + ".config..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".config..")
                .check(classes);
    }
}
