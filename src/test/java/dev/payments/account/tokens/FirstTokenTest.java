package dev.payments.account.tokens;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain unit test of the bootstrap token's strength rule: dft_ followed by at least 32 varied characters. */
class FirstTokenTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "dft_test_bootstrap_0123456789abcdefghijklmnopqrstuv",
            "dft_4f9c2a7e1b8d3f6a0c5e9b2d7a4f1c8e6b3d0a9f",
            "dft_Ab-Cd_Ef-0123456789_GhIjKlMnOpQrSt"})
    void shouldAcceptAStrongToken(String token) {
        assertTrue(FirstToken.isStrong(token), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dft_0123456789abcdef", "dft_0123456789abcdefghijklmnopqrstu", "dft_"})
    void shouldRejectATooShortToken(String token) {
        assertFalse(FirstToken.isStrong(token), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "df_0123456789abcdefghijklmnopqrstuvwxyz",
            "sk_0123456789abcdefghijklmnopqrstuvwxyz",
            "DFT_0123456789abcdefghijklmnopqrstuvwxyz",
            "0123456789abcdefghijklmnopqrstuvwxyz0123"})
    void shouldRejectATokenWithoutTheDftPrefix(String token) {
        assertFalse(FirstToken.isStrong(token), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "dft_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "dft_abababababababababababababababababababab",
            "dft_0123401234012340123401234012340123401234"})
    void shouldRejectALowVarietyToken(String token) {
        assertFalse(FirstToken.isStrong(token), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "dft_0123456789abcdef 0123456789abcdefghij",
            " dft_0123456789abcdefghijklmnopqrstuvwxyz",
            "dft_0123456789abcdefghijklmnopqrstuvwxyz ",
            "dft_0123456789abcdefghij\tklmnopqrstuvwxyz"})
    void shouldRejectATokenWithWhitespace(String token) {
        assertFalse(FirstToken.isStrong(token), token);
    }
}
