package dev.ringproof.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.interceptor.Interceptor;
import org.junit.jupiter.api.Test;

/** How the console's pages may use {@link ShowsRefusals}, so that every refusal reaches the page the same way. */
class ShowsRefusalsTest {

    private final JavaClasses console = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ringproof.admin");

    @Test
    void actionsThatShowRefusalsReturnNothingOrAnOutcome() {
        methods()
                .that()
                .areAnnotatedWith(ShowsRefusals.class)
                .should()
                .haveRawReturnType(void.class)
                .orShould()
                .haveRawReturnType(String.class)
                .because("a refused action answers null: the same page again, or nothing to return")
                .check(console);
    }

    @Test
    void actionsThatShowRefusalsArePublicSoThePageCallsThemThroughTheInterceptor() {
        methods()
                .that()
                .areAnnotatedWith(ShowsRefusals.class)
                .should()
                .bePublic()
                .because("a call from inside the bean may bypass the interceptor; pages call public methods")
                .check(console);
    }

    @Test
    void onlyTheInterceptorIsBoundAsAWholeClass() {
        noClasses()
                .that()
                .areNotAnnotatedWith(Interceptor.class)
                .should()
                .beAnnotatedWith(ShowsRefusals.class)
                .because("on a bean class it would also swallow the refusals of its getters")
                .check(console);
    }
}
