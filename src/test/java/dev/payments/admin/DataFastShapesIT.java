package dev.payments.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DataFastShapesIT extends DataFastShapesTest {
}
