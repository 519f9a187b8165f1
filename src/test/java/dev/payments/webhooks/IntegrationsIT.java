package dev.payments.webhooks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class IntegrationsIT extends IntegrationsTest {
}
