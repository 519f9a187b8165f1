package dev.payments.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AuthenticationIT extends AuthenticationTest {
}
