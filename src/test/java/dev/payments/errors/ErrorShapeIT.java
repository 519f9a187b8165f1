package dev.payments.errors;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ErrorShapeIT extends ErrorShapeTest {
}
