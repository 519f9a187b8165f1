package dev.payments.platform.database;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** The entities match the schema the migrations build: checked here once rather than at every start. */
@QuarkusTest
class SchemaMappingTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void shouldMapEveryEntityToTheMigratedSchema() {
        assertDoesNotThrow(() -> sessionFactory.getSchemaManager().validateMappedObjects());
    }
}
