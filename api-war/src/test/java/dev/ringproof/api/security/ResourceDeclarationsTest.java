package dev.ringproof.api.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

/**
 * Every resource says who may call it, on the resource itself, so {@link ResourceGuards}
 * can bind its checks after matching; and no filter that runs before matching looks at the
 * path, which is still the raw spelling an attacker chose.
 */
class ResourceDeclarationsTest {

    private final com.tngtech.archunit.core.domain.JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ringproof.api");

    @Test
    void everyResourceDeclaresWhoMayCallIt() {
        classes()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .beAnnotatedWith(Callers.class)
                .orShould()
                .beAnnotatedWith(AnyCaller.class)
                .because("ResourceGuards binds authentication from these declarations; a resource without one is "
                        + "closed at run time, and should be decided at build time")
                .check(api);
    }

    @Test
    void noResourceUsesTheContainersRoleAnnotations() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.annotation.security.RolesAllowed")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.annotation.security.PermitAll")
                .because("Payara binds its own filter to them, which checks a Jakarta Security caller this API never "
                        + "sets and so refuses every request")
                .check(api);
    }

    @Test
    void nothingDecidesOnTheRawPathBeforeMatching() {
        noClasses()
                .that()
                .areAnnotatedWith(PreMatching.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(UriInfo.class)
                .because("before matching the path is the raw spelling: ';x=1', '%61' and '..' that matching ignores")
                .check(api);
    }
}
