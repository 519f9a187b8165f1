package dev.payments.webhooks;

import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.platform.database.SchemaReady;
import dev.payments.webhooks.integrations.IntegrationService;
import dev.payments.webhooks.integrations.SecretResealing;
import dev.payments.webhooks.providers.Provider;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** With PAYMENTS_ENCRYPTION_KEY set (the test profile sets one), a signing secret is stored encrypted only. */
@QuarkusTest
class SecretsAtRestTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecretResealing resealing;

    @Inject
    IntegrationService integrations;

    @Test
    void shouldStoreTheSigningSecretEncrypted() throws SQLException {
        String websiteId = website().id();
        String secret = connect(websiteId, "stripe");
        String stored = storedSecret(websiteId);
        assertTrue(stored.startsWith("aes-gcm:"), stored);
        assertFalse(stored.contains(secret.substring("whsec_".length())), stored);
    }

    @Test
    void shouldEncryptAtStartUpASecretStoredAsGivenBeforeTheKeyWasSet() throws SQLException {
        String websiteId = website().id();
        connect(websiteId, "stripe");
        store(websiteId, "plain:whsec_given_before_the_key");
        resealing.onSchemaReady(new SchemaReady());
        assertTrue(storedSecret(websiteId).startsWith("aes-gcm:"), storedSecret(websiteId));
        assertEquals("whsec_given_before_the_key", integrations.secret(websiteId, Provider.STRIPE));
    }

    private void store(String websiteId, String signingSecret) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update webhook_integration set signing_secret = ? where website_id = ?")) {
            update.setString(1, signingSecret);
            update.setString(2, websiteId);
            update.executeUpdate();
        }
    }

    private String storedSecret(String websiteId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "select signing_secret from webhook_integration where website_id = ?")) {
            read.setString(1, websiteId);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
