package dev.ringproof.admin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

    /**
     * Weld's proxy of an {@code @Inject}-ed no-interface bean asks Payara for the bean's business
     * object on every call, and Payara finds it by throwing and catching an
     * IllegalArgumentException each time: 16 exceptions a start, each filling in a deep stack.
     * {@code @EJB} hands over the container's own proxy. Interceptors are the exception: Payara
     * injects no resources into them.
     */
    @Test
    void enterpriseBeansAreInjectedAsEnterpriseBeans() {
        noFields()
                .that()
                .areAnnotatedWith(jakarta.inject.Inject.class)
                .and()
                .areDeclaredInClassesThat()
                .areNotAnnotatedWith(jakarta.interceptor.Interceptor.class)
                .should()
                .haveRawType(CanBeAnnotated.Predicates.annotatedWith(jakarta.ejb.Stateless.class)
                        .or(CanBeAnnotated.Predicates.annotatedWith(jakarta.ejb.Singleton.class)))
                .because("an @Inject-ed enterprise bean costs an exception on every call on Payara")
                .check(CONSOLE);
    }
}
