package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ECB's eurofxref XML, read safely and exactly. */
class EcbXmlTest {

    @Test
    void shouldReadEveryDayAndRateExactly() throws IOException {
        List<DailyRates> days = parse("rates/fixture-2025-03-03.xml");
        assertEquals(1, days.size());
        assertEquals(LocalDate.parse("2025-03-03"), days.get(0).date());
        assertEquals(new BigDecimal("1.05"), days.get(0).perEuro().get("USD"));
        assertEquals(new BigDecimal("0.8"), days.get(0).perEuro().get("GBP"));
    }

    @Test
    void shouldReadTheBundledHistory() throws IOException {
        List<DailyRates> days = parse(RateSources.BUNDLED_HISTORY);
        assertEquals(6184, days.size());
        assertEquals(LocalDate.parse("2023-02-21"), days.get(0).date());
        assertEquals(LocalDate.parse("1999-01-04"), days.get(days.size() - 1).date());
    }

    @Test
    void shouldRefuseMalformedXmlAndBadRates() {
        assertThrows(IOException.class, () -> EcbXml.parse(text("<Cube><Cube time=\"2025-01-02\">")));
        assertThrows(IOException.class, () -> EcbXml.parse(text(
                "<Cube><Cube time=\"2025-01-02\"><Cube currency=\"USD\" rate=\"abc\"/></Cube></Cube>")));
        assertThrows(IOException.class, () -> EcbXml.parse(text("<Cube><Cube time=\"2025-13-45\"/></Cube>")));
    }

    @Test
    void shouldNotResolveExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Cube><Cube time=\"2025-01-02\"><Cube currency=\"&e;\" rate=\"1\"/></Cube></Cube>";
        assertThrows(IOException.class, () -> EcbXml.parse(text(xxe)));
    }

    private static List<DailyRates> parse(String resource) throws IOException {
        try (InputStream xml = EcbXmlTest.class.getClassLoader().getResourceAsStream(resource)) {
            return EcbXml.parse(xml);
        }
    }

    private static InputStream text(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
