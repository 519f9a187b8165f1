package dev.payments.account.websites;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Tag;

/** In the contract suite: also run with the production profile (pom.xml, execution production-profile). */
@QuarkusIntegrationTest
@Tag("contract")
class DataFastShapesIT extends DataFastShapesTest {
}
