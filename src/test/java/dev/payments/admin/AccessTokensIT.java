package dev.payments.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AccessTokensIT extends AccessTokensTest {
}
