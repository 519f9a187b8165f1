package dev.payments.webhooks.deliveries;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DeletedTransactionsIT extends DeletedTransactionsTest {
}
