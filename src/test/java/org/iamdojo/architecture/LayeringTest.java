package org.iamdojo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.iamdojo.architecture.fixture.FrameworkAwareEngineClass;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The layering of ARCHITECTURE.md: the engine is plain Java and the UI does not reach repositories. */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.iamdojo");

    /** Classes under {@code enginePackage} may use the JDK and Jackson, nothing from frameworks or upper layers. */
    static ArchRule engineIsPlainJava(String enginePackage) {
        return noClasses().that().resideInAPackage(enginePackage)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta.persistence..", "javax.persistence..",
                        "org.iamdojo.ui..", "org.iamdojo.training..", "org.iamdojo.scenario..")
                .because("the IAM engine is plain Java (JDK + Jackson) and knows nothing above it")
                // The engine package may still be empty on a fresh branch.
                .allowEmptyShould(true);
    }

    @Test
    void engineDependsOnNoFrameworkAndNoUpperLayer() {
        engineIsPlainJava("org.iamdojo.iam..").check(MAIN);
    }

    @Test
    void ruleCatchesAnEngineClassThatUsesSpring() {
        JavaClasses fixture = new ClassFileImporter().importClasses(FrameworkAwareEngineClass.class);
        assertThatThrownBy(() -> engineIsPlainJava("org.iamdojo.architecture.fixture..").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework");
    }

    @Test
    void viewsDoNotUseRepositoriesDirectly() {
        noClasses().that().resideInAPackage("org.iamdojo.ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("views ask services; repositories stay behind them")
                .check(MAIN);
    }
}
