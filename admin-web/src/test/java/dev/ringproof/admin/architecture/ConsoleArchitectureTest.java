package dev.ringproof.admin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ringproof.architecture.EnterpriseBeanInjection;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/** The console translates Faces to calls on verification-core and back; it knows no other WAR and no telephony. */
class ConsoleArchitectureTest {

    /** Imported once for the class: JUnit makes an instance per test. */
    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.ringproof.admin");

    @Test
    void theConsoleKnowsNotTheApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ringproof.api..", "dev.ringproof.root..")
                .because("nothing depends on a WAR")
                .check(CONSOLE);
    }

    @Test
    void theConsoleCallsTheCoreNotTelephony() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ringproof.telephony..", "dev.ringproof.routing..", "dev.ringproof.sealing..")
                .because("the WARs depend on verification-core only")
                .check(CONSOLE);
    }

    @Test
    void theConsoleHoldsNoPersistentState() {
        noClasses().should().beAnnotatedWith(Entity.class).check(CONSOLE);
    }

    /** {@link EnterpriseBeanInjection}: an {@code @Inject}-ed enterprise bean costs an exception on every call. */
    @Test
    void enterpriseBeansAreInjectedAsEnterpriseBeans() {
        EnterpriseBeanInjection.AS_ENTERPRISE_BEANS.check(CONSOLE);
    }
}
