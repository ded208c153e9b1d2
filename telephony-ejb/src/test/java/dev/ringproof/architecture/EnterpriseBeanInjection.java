package dev.ringproof.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How every module of the EAR injects an enterprise bean, checked by each module's architecture
 * test on its own classes (this module's test jar carries the rule to the others). Weld's proxy
 * of an {@code @Inject}-ed no-interface bean asks Payara for the bean's business object on every
 * call, and Payara finds it by throwing and catching an IllegalArgumentException each time: 16
 * exceptions a start, each filling in a deep stack. {@code @EJB} hands over the container's own
 * proxy. Interceptors are the exception: Payara injects no resources into them.
 */
public final class EnterpriseBeanInjection {

    public static final ArchRule AS_ENTERPRISE_BEANS = noFields()
            .that()
            .areAnnotatedWith(jakarta.inject.Inject.class)
            .and()
            .areDeclaredInClassesThat()
            .areNotAnnotatedWith(jakarta.interceptor.Interceptor.class)
            .should()
            .haveRawType(CanBeAnnotated.Predicates.annotatedWith(jakarta.ejb.Stateless.class)
                    .or(CanBeAnnotated.Predicates.annotatedWith(jakarta.ejb.Singleton.class)))
            .because("an @Inject-ed enterprise bean costs an exception on every call on Payara");

    private EnterpriseBeanInjection() {}
}
