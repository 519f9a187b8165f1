package dev.payments.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OpenApiDocumentIT extends OpenApiDocumentTest {
}
