package dev.payments.account.keys;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Tag;

/** In the contract suite: also run with the production profile (pom.xml, execution production-profile). */
@QuarkusIntegrationTest
@Tag("contract")
class ApiKeysIT extends ApiKeysTest {
}
