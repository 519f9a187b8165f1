package dev.payments.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = "nBob1tfBiaw7iDE3w/H+qE7j0sMdl6g2NP0y3UEyN9g=";

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
    void shouldRefuseAKeyOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cipher("c2hvcnQ="));
        assertTrue(e.getMessage().contains("16, 24 or 32-byte key"), e.getMessage());
    }

    private static SecretCipher cipher(String key) {
        return new SecretCipher(() -> Optional.ofNullable(key));
    }
}
