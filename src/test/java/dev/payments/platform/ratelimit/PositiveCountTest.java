package dev.payments.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A quota setting is a whole number above zero, or start-up stops saying so. */
class PositiveCountTest {

    private final PositiveCount count = new PositiveCount();

    @Test
    void shouldKeepAPositiveNumber() {
        assertEquals(6000L, count.convert("6000"));
        assertEquals(1L, count.convert(" 1 "));
    }

    @Test
    void shouldRefuseZero() {
        var refused = assertThrows(IllegalArgumentException.class, () -> count.convert("0"));
        assertEquals("must be a whole number greater than 0", refused.getMessage());
    }

    @Test
    void shouldRefuseANegativeNumber() {
        assertThrows(IllegalArgumentException.class, () -> count.convert("-5"));
    }

    @Test
    void shouldRefuseWhatIsNotAWholeNumber() {
        assertThrows(IllegalArgumentException.class, () -> count.convert("1.5"));
        assertThrows(IllegalArgumentException.class, () -> count.convert("many"));
    }
}
