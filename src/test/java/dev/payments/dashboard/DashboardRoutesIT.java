package dev.payments.dashboard;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Tag;

@QuarkusIntegrationTest
@Tag("contract")
class DashboardRoutesIT extends DashboardRoutesTest {
}
