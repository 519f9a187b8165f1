package dev.payments.webhooks.stripeimport;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class StripeImportIT extends StripeImportTest {
}
