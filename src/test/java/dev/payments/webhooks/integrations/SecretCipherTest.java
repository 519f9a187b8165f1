package dev.payments.webhooks.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.webhooks.providers.Provider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = "nBob1tfBiaw7iDE3w/H+qE7j0sMdl6g2NP0y3UEyN9g=";
    private static final String NEW_KEY = "q4m6Yl3ZL0hQm9mJ8c6yq2Xr5s9Vw1Bz7Kf3Hd8Jt0E=";

    @Test
    void shouldReadBackWhatItSealed() {
        SecretCipher cipher = cipher(KEY);
        String sealed = cipher.seal("site1", Provider.STRIPE, "whsec_abc");
        assertTrue(sealed.startsWith("aes-gcm:"));
        assertEquals("whsec_abc", cipher.open("site1", Provider.STRIPE, sealed));
    }

    @Test
    void shouldSealTheSameSecretDifferentlyEachTime() {
        SecretCipher cipher = cipher(KEY);
        assertNotEquals(cipher.seal("site1", Provider.STRIPE, "s"), cipher.seal("site1", Provider.STRIPE, "s"));
    }

    @Test
    void shouldNotOpenASecretCopiedToAnotherWebsite() {
        SecretCipher cipher = cipher(KEY);
        String sealed = cipher.seal("site1", Provider.STRIPE, "whsec_abc");
        assertThrows(IllegalStateException.class, () -> cipher.open("site2", Provider.STRIPE, sealed));
    }

    @Test
    void shouldStoreAsGivenWithoutAKeyAndStillReadItOnceAKeyIsSet() {
        String plain = cipher(null).seal("site1", Provider.POLAR, "polar_whs_x");
        assertEquals("plain:polar_whs_x", plain);
        assertEquals("polar_whs_x", cipher(KEY).open("site1", Provider.POLAR, plain));
    }

    @Test
    void shouldNotOpenAnEncryptedSecretWithoutTheKey() {
        String sealed = cipher(KEY).seal("site1", Provider.PADDLE, "pdl");
        assertThrows(IllegalStateException.class, () -> cipher(null).open("site1", Provider.PADDLE, sealed));
    }

    @Test
    void shouldOpenASecretSealedWithAPreviousKeyAndSayItIsNotSealedWithTheCurrentOne() {
        String sealed = cipher(KEY).seal("site1", Provider.STRIPE, "whsec_old");
        SecretCipher rotated = new SecretCipher(config(NEW_KEY, KEY));
        assertEquals("whsec_old", rotated.open("site1", Provider.STRIPE, sealed));
        assertFalse(rotated.isSealedWithCurrentKey("site1", Provider.STRIPE, sealed));
        assertTrue(rotated.isSealedWithCurrentKey("site1", Provider.STRIPE,
                rotated.seal("site1", Provider.STRIPE, "whsec_old")));
    }

    @Test
    void shouldNameThePreviousKeysWhenNoKeyOpensASecret() {
        String sealed = cipher(KEY).seal("site1", Provider.STRIPE, "whsec_old");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cipher(NEW_KEY).open("site1", Provider.STRIPE, sealed));
        assertTrue(e.getMessage().contains("PAYMENTS_ENCRYPTION_PREVIOUS_KEYS"), e.getMessage());
        assertFalse(e.getMessage().contains("whsec_old"), e.getMessage());
    }

    @Test
    void shouldNotCountAPlainSecretAsSealedOnceAKeyIsSet() {
        assertFalse(cipher(KEY).isSealedWithCurrentKey("site1", Provider.STRIPE, "plain:whsec_x"));
    }

    @Test
    void shouldRefuseAKeyOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cipher("c2hvcnQ="));
        assertTrue(e.getMessage().contains("16, 24 or 32-byte key"), e.getMessage());
    }

    private static SecretCipher cipher(String key) {
        return new SecretCipher(config(key));
    }

    private static EncryptionConfig config(String key, String... previousKeys) {
        return new EncryptionConfig() {
            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<List<String>> previousKeys() {
                return Optional.of(List.of(previousKeys));
            }
        };
    }
}
