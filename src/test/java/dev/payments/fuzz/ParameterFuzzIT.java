package dev.payments.fuzz;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ParameterFuzzIT extends ParameterFuzzTest {
}
