package dev.payments.fuzz;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class CreateFuzzIT extends CreateFuzzTest {
}
