package dev.ringproof.platform.control;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * .ci/run's PostgreSQL pass runs only the unit tests tagged {@link TestDatabase#TAG}: a test
 * that uses a TestDatabase without the tag would never meet PostgreSQL, and nobody would notice.
 */
class DatabaseTestsTaggedTest {

    @Test
    void everyTestThatUsesATestDatabaseIsTaggedForThePostgresPass() {
        var tests = new ClassFileImporter().importPackages("dev.ringproof");

        classes()
                .that(DescribedPredicate.describe(
                        "use a TestDatabase",
                        (JavaClass test) -> !test.isEquivalentTo(TestDatabase.class)
                                && !test.isEquivalentTo(DatabaseTestsTaggedTest.class)
                                && test.getDirectDependenciesFromSelf().stream()
                                        .anyMatch(dependency ->
                                                dependency.getTargetClass().isEquivalentTo(TestDatabase.class))))
                .and()
                .areNotNestedClasses()
                .and()
                .areNotAnonymousClasses()
                .should()
                .beAnnotatedWith(DescribedPredicate.describe(
                        "@Tag(\"" + TestDatabase.TAG + "\")",
                        (JavaAnnotation<?> annotation) ->
                                annotation.getRawType().isEquivalentTo(Tag.class)
                                        && TestDatabase.TAG.equals(
                                                annotation.get("value").orElse(null))))
                .check(tests);
    }
}
