package dev.payments.platform.database;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DatabaseAvailabilityIT extends DatabaseAvailabilityTest {
}
