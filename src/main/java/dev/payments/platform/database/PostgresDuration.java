package dev.payments.platform.database;

import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A timeout setting that application.properties hands to PostgreSQL as a session option, so it must be PostgreSQL's
 * syntax and nothing else. A converter rather than a Bean Validation constraint: with no constrained setting, Quarkus
 * builds no config validator at start-up (Hibernate Validator's metadata of every config class, 10 % of the start).
 */
public class PostgresDuration implements Converter<String> {

    private static final Pattern DURATION = Pattern.compile("[1-9][0-9]*(ms|s|min)");

    @Override
    public String convert(String value) {
        // exactly: the value also reaches PostgreSQL as written, through application.properties
        if (!DURATION.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must be a PostgreSQL duration such as 10s, 500ms or 2min");
        }
        return value;
    }
}
