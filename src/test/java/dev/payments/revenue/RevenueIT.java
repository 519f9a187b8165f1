package dev.payments.revenue;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RevenueIT extends RevenueTest {
}
