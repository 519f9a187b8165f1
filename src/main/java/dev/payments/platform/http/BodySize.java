package dev.payments.platform.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A cap on a request body, in bytes and as its 413 message and the OpenAPI document name it: {@code 64 KiB},
 * {@code 1 MiB} or a plain number of bytes.
 */
public record BodySize(long bytes, String text) {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,10})\\s*(KiB|MiB)?");

    public static BodySize parse(String written) {
        Matcher size = WRITTEN.matcher(written.trim());
        if (!size.matches()) {
            throw new IllegalArgumentException("a body size is a number of bytes, KiB or MiB (e.g. 64 KiB), not "
                    + written);
        }
        long count = Long.parseLong(size.group(1));
        String unit = size.group(2);
        if (unit == null) {
            return new BodySize(count, count + " bytes");
        }
        long bytes = count * (unit.toLowerCase(Locale.ROOT).equals("kib") ? 1024 : 1024 * 1024);
        return new BodySize(bytes, count + " " + unit);
    }

    /** The message of a 413 for a body over this cap. */
    public String tooLarge() {
        return "request body is larger than " + text;
    }

    public static final class Reader implements Converter<BodySize> {

        @Override
        public BodySize convert(String value) {
            return parse(value);
        }
    }
}
