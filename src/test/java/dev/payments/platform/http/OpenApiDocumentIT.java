package dev.payments.platform.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OpenApiDocumentIT extends OpenApiDocumentTest {
}
