package dev.payments.webhooks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class StripeImportIT extends StripeImportTest {
}
