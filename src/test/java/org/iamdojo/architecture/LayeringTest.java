package org.iamdojo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.iamdojo.architecture.fixture.FrameworkAwareEngineClass;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The layering of ARCHITECTURE.md: the engine is plain Java, arrows point one way (ui → training → scenario → iam,
 * no package cycles) and the UI does not reach repositories.
 */
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
    void scenariosKnowNeitherTheDatabaseNorTheUi() {
        noClasses().that().resideInAPackage("org.iamdojo.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iamdojo.training..", "org.iamdojo.ui..")
                .because("scenario knows iam, not the UI or the database (ARCHITECTURE.md)")
                .check(MAIN);
    }

    @Test
    void trainingDoesNotKnowTheUi() {
        noClasses().that().resideInAPackage("org.iamdojo.training..")
                .should().dependOnClassesThat().resideInAPackage("org.iamdojo.ui..")
                .because("training stores what must survive restarts; the UI composes it, not the other way round")
                .check(MAIN);
    }

    /** Every package is a slice of its own: no two packages may reach each other, directly or round a loop. */
    static SliceRule packagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    @Test
    void noCycleBetweenTheLayers() {
        slices().matching("org.iamdojo.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * No package cycle anywhere, the views included: a view names its layout ({@code @Route(layout = MainLayout.class)})
     * and the layout links to views by path ({@code ui.shell.Routes}), not by class; shared widgets live in
     * {@code ui.common}.
     */
    @Test
    void noPackageCycles() {
        packagesAreFreeOfCycles("org.iamdojo").check(MAIN);
    }

    @Test
    void cycleRuleCatchesTwoPackagesThatUseEachOther() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.iamdojo.architecture.fixture.cycle");
        assertThatThrownBy(() -> packagesAreFreeOfCycles("org.iamdojo.architecture.fixture.cycle").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void viewsDoNotUseRepositoriesDirectly() {
        noClasses().that().resideInAPackage("org.iamdojo.ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("views ask services; repositories stay behind them")
                .check(MAIN);
    }
}
