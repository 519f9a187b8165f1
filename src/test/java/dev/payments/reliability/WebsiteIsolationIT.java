package dev.payments.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class WebsiteIsolationIT extends WebsiteIsolationTest {
}
