package dev.payments.account.access;

import static dev.payments.support.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.account.tokens.FirstToken;
import dev.payments.platform.database.SchemaReady;
import dev.payments.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bootstrap token once revoked stays revoked, although PAYMENTS_BOOTSTRAP_TOKEN still holds it at the next start;
 * the log says why it was not stored. Its own bootstrap token, so the other tests' one is never revoked.
 */
@QuarkusTest
@TestProfile(RevokedBootstrapTokenTest.OwnBootstrapToken.class)
class RevokedBootstrapTokenTest {

    static final String TOKEN = "dft_revoked_bootstrap_0123456789abcdefghijklmnop";

    public static class OwnBootstrapToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.bootstrap-token", TOKEN);
        }
    }

    @Inject
    FirstToken firstToken;

    @Test
    void shouldNotStoreARevokedBootstrapTokenAgainAtTheNextStart() {
        String id = as(TOKEN).get("/api/v1/admin/access-tokens").then().statusCode(200)
                .extract().path("data.find { it.name == 'bootstrap' }.id");
        as(TOKEN).delete("/api/v1/admin/access-tokens/{id}", id).then().statusCode(200);
        try (LogCapture log = LogCapture.of(FirstToken.class.getName())) {
            firstToken.onSchemaReady(new SchemaReady()); // what the next start does
            assertTrue(log.lines().stream().anyMatch(line -> line.message().contains("was revoked")),
                    log.lines().toString());
        }
        as(TOKEN).get("/api/v1/admin/access-tokens").then().statusCode(401);
    }
}
