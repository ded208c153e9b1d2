package dev.ringproof.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * telephony-ejb sends calls, SMS and voice messages for whoever asks: it knows nothing of
 * verifications, tenants or any other part of the core, which depends on it and not back.
 */
class TelephonyArchitectureTest {

    /** Imported once for the class: JUnit makes an instance per test. */
    private static final JavaClasses TELEPHONY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.ringproof");

    @Test
    void telephonyKnowsNoVerification() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ringproof.verification..",
                        "dev.ringproof.tenant..",
                        "dev.ringproof.numberpool..",
                        "dev.ringproof.ratelimit..",
                        "dev.ringproof.usage..",
                        "dev.ringproof.user..",
                        "dev.ringproof.webhook..",
                        "dev.ringproof.platform..",
                        "dev.ringproof.api..",
                        "dev.ringproof.admin..")
                .because("dependencies point one way: the core uses telephony, telephony serves any caller")
                .check(TELEPHONY);
    }

    @Test
    void componentsImportEachOtherOneWayOnly() {
        slices().matching("dev.ringproof.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(TELEPHONY);
    }

    @Test
    void entitiesKnowNoBoundaryAndNoControl() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..boundary..", "..control..")
                .check(TELEPHONY);
    }

    @Test
    void persistentStateLivesInEntityPackages() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage("..entity..")
                .check(TELEPHONY);
    }

    /** {@link EnterpriseBeanInjection}: an {@code @Inject}-ed enterprise bean costs an exception on every call. */
    @Test
    void enterpriseBeansAreInjectedAsEnterpriseBeans() {
        EnterpriseBeanInjection.AS_ENTERPRISE_BEANS.check(TELEPHONY);
    }
}
