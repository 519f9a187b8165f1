package dev.payments.currency;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads ECB's eurofxref XML: the daily, 90-day and full-history files share one format. */
public final class EcbXml {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private EcbXml() {
    }

    /** The days in the file's order; anything malformed is an IOException saying what. */
    public static List<DailyRates> parse(InputStream xml) throws IOException {
        List<DailyRates> days = new ArrayList<>();
        LocalDate day = null;
        Map<String, BigDecimal> rates = new HashMap<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(xml);
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT || !"Cube".equals(reader.getLocalName())) {
                    continue;
                }
                String time = reader.getAttributeValue(null, "time");
                String currency = reader.getAttributeValue(null, "currency");
                if (time != null) {
                    if (day != null) {
                        days.add(new DailyRates(day, rates));
                    }
                    day = LocalDate.parse(time);
                    rates = new HashMap<>();
                } else if (currency != null && day != null) {
                    rates.put(currency.toUpperCase(Locale.ROOT), rate(reader.getAttributeValue(null, "rate"), currency));
                }
            }
            reader.close();
        } catch (XMLStreamException | DateTimeParseException e) {
            throw new IOException("not an ECB rates file: " + e.getMessage(), e);
        }
        if (day != null) {
            days.add(new DailyRates(day, rates));
        }
        return days;
    }

    private static BigDecimal rate(String value, String currency) throws IOException {
        try {
            BigDecimal rate = new BigDecimal(value);
            if (rate.signum() <= 0) {
                throw new NumberFormatException("not positive");
            }
            return rate;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IOException("not an ECB rates file: rate of " + currency + " is " + value, e);
        }
    }
}
