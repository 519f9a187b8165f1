package dev.payments.ratelimit;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class UnknownTokenLimitIT extends UnknownTokenLimitTest {
}
