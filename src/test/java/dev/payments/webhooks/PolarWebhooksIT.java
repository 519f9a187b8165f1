package dev.payments.webhooks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PolarWebhooksIT extends PolarWebhooksTest {
}
