package dev.ringproof.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ringproof.architecture.EnterpriseBeanInjection;
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

    /** {@link EnterpriseBeanInjection}: an {@code @Inject}-ed enterprise bean costs an exception on every call. */
    @Test
    void enterpriseBeansAreInjectedAsEnterpriseBeans() {
        EnterpriseBeanInjection.AS_ENTERPRISE_BEANS.check(API);
    }
}
