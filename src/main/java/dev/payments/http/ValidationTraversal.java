package dev.payments.http;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Bean Validation here only ever checks request records, never entities, so every property is reachable and
 * cascadable. Without this bean, Quarkus gives Hibernate Validator the JPA rule instead, which asks Hibernate ORM,
 * by reflection, whether each property of each validated object is a loaded entity attribute: work on every request
 * that validates (a profile of creates showed it beside the validation itself).
 */
@Singleton
@Unremovable
public class ValidationTraversal implements TraversableResolver {

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
}
