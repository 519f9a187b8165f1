package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.platform.http.Envelope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECB's eurofxref XML, read exactly and safely. */
class EcbXmlTest {

    @Test
    void shouldReadTheDaysInTheFilesOrder() throws IOException {
        List<LocalDate> dates = resource("rates/ecb-sample.xml").stream().map(DailyRates::date).toList();
        assertEquals(List.of(day("2023-02-21"), day("2023-02-20"), day("2023-02-17"), day("2023-02-16")), dates);
    }

    @Test
    void shouldReadEveryRateExactlyAsWritten() throws IOException {
        // BigDecimal.equals compares the scale too: 1.07 stays 1.07, not 1.070000
        Map<String, BigDecimal> thursday = resource("rates/ecb-sample.xml").get(3).perEuro();
        assertEquals(Map.of("USD", new BigDecimal("1.07"), "JPY", new BigDecimal("143.31"),
                "GBP", new BigDecimal("0.88883"), "CHF", new BigDecimal("0.9873")), thursday);
    }

    @Test
    void shouldUpperCaseTheCurrencyCodes() throws IOException {
        List<DailyRates> days = parse(ecb("<Cube time='2023-02-17'><Cube currency='usd' rate='1.0625'/></Cube>"));
        assertEquals(Map.of("USD", new BigDecimal("1.0625")), days.get(0).perEuro());
    }

    @Test
    void shouldReadTheWholeBundledHistory() throws IOException {
        List<DailyRates> days = resource(RateSources.BUNDLED_HISTORY);
        assertEquals(6184, days.size());
        // the constants start-up relies on to skip parsing the file when the table already holds it
        assertEquals(RateSources.BUNDLED_RATES, days.stream().mapToInt(rates -> rates.perEuro().size()).sum());
        assertEquals(RateSources.BUNDLED_LAST_DAY, days.get(0).date());
    }

    @Test
    void shouldRejectMalformedXml() {
        assertThrows(IOException.class, () -> parse(ecb("<Cube time='2023-02-17'><Cube currency='USD' rate='1.0625'>")));
    }

    @Test
    void shouldRejectANonNumericRate() {
        IOException error = assertThrows(IOException.class,
                () -> parse(ecb("<Cube time='2023-02-17'><Cube currency='USD' rate='1,0625'/></Cube>")));
        assertTrue(error.getMessage().contains("USD"), error.getMessage());
    }

    @Test
    void shouldRejectAnInvalidDate() {
        assertThrows(IOException.class, () -> parse(ecb("<Cube time='2023-02-30'><Cube currency='USD' rate='1'/></Cube>")));
    }

    @Test
    void shouldNotResolveAnExternalEntity(@TempDir Path dir) throws IOException {
        // An entity in element content: a parser resolving it would read the file silently; a safe one refuses
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String xml = "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM '" + secret.toUri() + "'>]>"
                + "<Cube><Cube time='2023-02-17'>&e;<Cube currency='USD' rate='1'/></Cube></Cube>";
        IOException error = assertThrows(IOException.class, () -> parse(xml));
        assertFalse(error.getMessage().contains("SECRET"), error.getMessage());
    }

    private static List<DailyRates> resource(String name) throws IOException {
        try (InputStream xml = EcbXmlTest.class.getClassLoader().getResourceAsStream(name)) {
            return EcbXml.parse(xml);
        }
    }

    private static List<DailyRates> parse(String xml) throws IOException {
        return EcbXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Days in ECB's envelope, with its namespaces. */
    private static String ecb(String days) {
        return "<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'"
                + " xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube>" + days + "</Cube></gesmes:Envelope>";
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
