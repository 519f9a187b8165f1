package dev.payments.platform.ratelimit;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RateLimitIT extends RateLimitTest {
}
