package dev.ringproof.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junit.jupiter.api.Test;

/** The API translates HTTP to calls on verification-core and back; it knows no other WAR and no telephony. */
class ApiArchitectureTest {

    /** Imported once for the class: JUnit makes an instance per test. */
    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.ringproof.api");

    @Test
    void theApiKnowsNotTheConsole() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ringproof.admin..", "dev.ringproof.root..")
                .because("nothing depends on a WAR")
                .check(API);
    }

    @Test
    void theApiCallsTheCoreNotTelephony() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ringproof.telephony..", "dev.ringproof.routing..", "dev.ringproof.sealing..")
                .because("the WARs depend on verification-core only")
                .check(API);
    }

    @Test
    void theApiHoldsNoPersistentState() {
        noClasses().should().beAnnotatedWith(Entity.class).check(API);
    }

    @Test
    void resourcesAreNamedSo() {
        classes()
                .that()
                .areAnnotatedWith(Path.class)
                .and()
                .areTopLevelClasses()
                .should()
                .haveSimpleNameEndingWith("Resource")
                .check(API);
    }

    /**
     * The audience tag goes on each operation: Payara adds a class's {@code @Tag} to the document's
     * tag list once per class, and a tag named twice makes client generators refuse the document.
     */
    @Test
    void audienceTagsAreOnOperationsNotOnClasses() {
        noClasses().should().beAnnotatedWith(Tag.class).check(API);
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
                .check(API);
    }
}
