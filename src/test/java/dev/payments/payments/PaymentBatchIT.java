package dev.payments.payments;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PaymentBatchIT extends PaymentBatchTest {
}
