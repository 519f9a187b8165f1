package dev.payments.http;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

/** Request validation traverses every property without asking Hibernate ORM about entity attributes. */
@QuarkusTest
class ValidationTraversalTest {

    @Inject
    ValidatorFactory validation;

    @Test
    void shouldValidateWithoutThePersistenceLayersTraversalRule() {
        assertInstanceOf(ValidationTraversal.class, validation.getTraversableResolver());
    }
}
