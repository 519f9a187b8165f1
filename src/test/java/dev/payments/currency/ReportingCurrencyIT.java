package dev.payments.currency;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ReportingCurrencyIT extends ReportingCurrencyTest {
}
