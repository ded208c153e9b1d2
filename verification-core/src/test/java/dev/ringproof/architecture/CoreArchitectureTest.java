package dev.ringproof.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.ringproof.platform.boundary.Refusal;
import jakarta.ejb.MessageDriven;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import org.junit.jupiter.api.Test;

/**
 * The shape the architecture describes, checked on verification-core's classes (and the
 * telephony-ejb classes it is compiled against): business components that do not import each
 * other in a circle, boundary/control/entity inside each, and a core that knows neither HTTP
 * nor Faces and reaches telephony through its small API only.
 */
class CoreArchitectureTest {

    static final String[] CORE = {
        "dev.ringproof.tenant..",
        "dev.ringproof.verification..",
        "dev.ringproof.numberpool..",
        "dev.ringproof.ratelimit..",
        "dev.ringproof.usage..",
        "dev.ringproof.user..",
        "dev.ringproof.webhook..",
        "dev.ringproof.twilio..",
        "dev.ringproof.platform..",
        "dev.ringproof.audit..",
        "dev.ringproof.privacy.."
    };

    /** Imported once for the class: JUnit makes an instance per test. */
    private static final JavaClasses RINGPROOF = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.ringproof");

    @Test
    void businessComponentsImportEachOtherOneWayOnly() {
        slices().matching("dev.ringproof.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because(
                        "a component that imports one that imports it back cannot be understood, tested or moved alone")
                .check(RINGPROOF);
    }

    @Test
    void theCoreKnowsNoHttpAndNoFaces() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ws.rs..",
                        "jakarta.servlet..",
                        "jakarta.faces..",
                        "dev.ringproof.api..",
                        "dev.ringproof.admin..",
                        "org.primefaces..")
                .because(
                        "the WARs translate HTTP and Faces to calls on the core and back; business rules live in the core")
                .check(RINGPROOF);
    }

    @Test
    void theCoreReachesTelephonyThroughItsApiOnly() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ringproof.telephony.entity..",
                        "dev.ringproof.telephony.control..",
                        "dev.ringproof.telephony.rest..",
                        "dev.ringproof.telephony.sip..",
                        "dev.ringproof.routing.control..")
                .because("telephony-ejb's boundaries are its API (the Carrier, the outbound message, routing); its"
                        + " tables, providers and dispatching may change without the core noticing")
                .check(RINGPROOF);
    }

    @Test
    void entitiesKnowNoBoundaryAndNoControl() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage("..boundary..", "..control..").and(not(belongToAnyOf(Refusal.class))))
                .because("entities hold state and its rules; boundaries and controls use them, not the other way"
                        + " (an entity may refuse what breaks its rules, with the refusal the boundary throws)")
                .check(RINGPROOF);
    }

    @Test
    void persistentStateLivesInEntityPackages() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage("..entity..")
                .because("a component's persistent state is its entity layer")
                .check(RINGPROOF);
    }

    @Test
    void entitiesReferToOtherComponentsByIdOnly() {
        fields().that()
                .areAnnotatedWith(OneToMany.class)
                .or()
                .areAnnotatedWith(ManyToOne.class)
                .or()
                .areAnnotatedWith(OneToOne.class)
                .or()
                .areAnnotatedWith(ManyToMany.class)
                .should(new ArchCondition<JavaField>("refer to an entity of their own package") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        field.getType().getAllInvolvedRawTypes().stream()
                                .filter(type -> type.getPackageName().startsWith("dev.ringproof."))
                                .filter(type -> !type.getPackageName()
                                        .equals(field.getOwner().getPackageName()))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(
                                        field, field.getFullName() + " is associated with " + type.getName())));
                    }
                })
                .allowEmptyShould(true)
                .because("a component's tables may change without another component's mappings noticing")
                .check(RINGPROOF);
    }

    @Test
    void messageDrivenBeansAreListenersAtTheBoundary() {
        classes()
                .that()
                .areAnnotatedWith(MessageDriven.class)
                .should()
                .resideInAPackage("..boundary..")
                .andShould()
                .haveSimpleNameEndingWith("Listener")
                .because("a queue is a way in, as a call is")
                .check(RINGPROOF);
    }

    @Test
    void namesSayWhatClassesDo() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameEndingWith("Service")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .because("a class is named for its capability or its job")
                .check(RINGPROOF);
    }

    /** {@link EnterpriseBeanInjection}: an {@code @Inject}-ed enterprise bean costs an exception on every call. */
    @Test
    void enterpriseBeansAreInjectedAsEnterpriseBeans() {
        EnterpriseBeanInjection.AS_ENTERPRISE_BEANS.check(RINGPROOF);
    }
}
