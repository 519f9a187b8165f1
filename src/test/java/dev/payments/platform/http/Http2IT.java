package dev.payments.platform.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class Http2IT extends Http2Test {
}
