package dev.payments.platform.http;

import io.quarkus.arc.Unremovable;
import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Bean Validation here only ever checks request records, never entities, so every property is reachable and
 * cascadable. Without this bean, Quarkus gives Hibernate Validator the JPA rule instead, which asks Hibernate ORM,
 * by reflection, whether each property of each validated object is a loaded entity attribute: work on every request
 * that validates (a profile of creates showed it beside the validation itself). An answer that is always yes needs no
 * cache either: Hibernate Validator otherwise keeps one per validation, hashing every property it visits (2 % of a
 * create's request-thread CPU).
 */
@Singleton
@Unremovable
public class ValidationTraversal implements TraversableResolver, ValidatorFactoryCustomizer {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.enableTraversableResolverResultCache(false);
    }
}
