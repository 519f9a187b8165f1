package dev.payments.account.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Plain unit test: no Quarkus, no database. */
class SecretsTest {

    private static final String HEX_128_BITS_OR_MORE = "[0-9a-f]{32,}";

    @Test
    void shouldStartANewSecretWithItsPrefix() {
        assertTrue(Secrets.newSecret("df_").startsWith("df_"));
        assertTrue(Secrets.newSecret("dft_").startsWith("dft_"));
    }

    @Test
    void shouldGiveANewSecretAtLeast128RandomBits() {
        String secret = Secrets.newSecret("df_");
        String random = secret.substring("df_".length());
        assertTrue(random.matches(HEX_128_BITS_OR_MORE), "expected at least 32 hex characters after df_: " + secret);
    }

    @Test
    void shouldMakeADifferentSecretEachCall() {
        assertNotEquals(Secrets.newSecret("dft_"), Secrets.newSecret("dft_"));
    }

    @Test
    void shouldHashAsSha256InLowerCaseHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
    }

    @Test
    void shouldHashTheSameSecretTheSameWay() {
        String secret = Secrets.newSecret("df_");
        String hash = Secrets.hash(secret);
        assertEquals(hash, Secrets.hash(secret));
        assertTrue(hash.matches("[0-9a-f]{64}"), "expected 64 hex characters: " + hash);
    }

    @Test
    void shouldHashDifferentSecretsDifferently() {
        assertNotEquals(Secrets.hash("df_a"), Secrets.hash("df_b"));
    }

    @Test
    void shouldMaskAWebsiteKeyAsPrefixFourCharactersDotsLastFour() {
        assertEquals("df_ab12...xyz9", Secrets.mask("df_ab12cd34ef56xyz9"));
    }

    @Test
    void shouldMaskAnAccountTokenAfterItsLongerPrefix() {
        assertEquals("dft_ab12...xyz9", Secrets.mask("dft_ab12cd34ef56xyz9"));
    }

    @Test
    void shouldNeverRevealTheMiddleOfANewSecret() {
        String secret = Secrets.newSecret("df_");
        String masked = Secrets.mask(secret);
        assertTrue(masked.matches("df_[0-9a-f]{4}\\.\\.\\.[0-9a-f]{4}"), "unexpected mask: " + masked);
        assertTrue(secret.startsWith(masked.substring(0, 7)) && secret.endsWith(masked.substring(10)));
    }

    @Test
    void shouldMakeIdsOf24HexCharacters() {
        assertTrue(Secrets.newId().matches("[0-9a-f]{24}"));
        assertNotEquals(Secrets.newId(), Secrets.newId());
    }
}
