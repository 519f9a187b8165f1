package dev.payments.payments;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PaymentExportIT extends PaymentExportTest {
}
