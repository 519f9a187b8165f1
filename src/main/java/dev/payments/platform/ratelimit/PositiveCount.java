package dev.payments.platform.ratelimit;

import org.eclipse.microprofile.config.spi.Converter;

/** A quota of requests: a whole number above zero (a converter, see dev.payments.platform.database.PostgresDuration on why). */
public class PositiveCount implements Converter<Long> {

    @Override
    public Long convert(String value) {
        long count;
        try {
            count = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count <= 0) {
            throw new IllegalArgumentException("must be a whole number greater than 0");
        }
        return count;
    }
}
