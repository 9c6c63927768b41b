package dev.qcurate.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The workspace is a client of the services: page families side by side, sharing only the HTTP and diff pieces. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.qcurate.web");

    @Test
    void talksToTheServicesOverHttpOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.qcurate.command..",
                        "dev.qcurate.query..",
                        "dev.qcurate.shared..",
                        "org.axonframework..",
                        "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void pagePackagesHaveNoCycles() {
        slices().matching("dev.qcurate.web.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void pageFamiliesDoNotReachIntoEachOther() {
        String[] pages = {"review", "proposals", "question", "lists", "imports", "admin", "home", "signin"};
        for (String page : pages) {
            noClasses()
                    .that()
                    .resideInAPackage("dev.qcurate.web." + page + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others(page, pages))
                    .check(CLASSES);
        }
    }

    private static String[] others(String page, String[] pages) {
        return java.util.Arrays.stream(pages)
                .filter(other -> !other.equals(page))
                .map(other -> "dev.qcurate.web." + other + "..")
                .toArray(String[]::new);
    }
}
