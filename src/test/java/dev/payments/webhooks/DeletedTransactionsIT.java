package dev.payments.webhooks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DeletedTransactionsIT extends DeletedTransactionsTest {
}
