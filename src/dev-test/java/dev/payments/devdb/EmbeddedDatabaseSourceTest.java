package dev.payments.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL never replaces a datasource the user chose, and only dev mode ever starts one: decided as if
 * nothing answered on localhost:5432 (one does here), so that only these rules keep it from starting.
 */
class EmbeddedDatabaseSourceTest {

    private static final String URL = "quarkus.datasource.jdbc.url";
    private static final String DEV_DEFAULT = "jdbc:postgresql://localhost:5432/postgres?currentSchema=payments_dev";

    @Test
    void shouldLeaveADatasourceSetInTheEnvironmentAlone() {
        String chosen = "jdbc:postgresql://db.example.com:5432/payments";
        SmallRyeConfig config = config("dev", new PropertiesConfigSource(Map.of(URL, chosen), "environment", 300));
        assertEquals(chosen, config.getValue(URL, String.class));
    }

    @Test
    void shouldLeaveTheTestProfilesDatasourceAlone() {
        assertEquals(DEV_DEFAULT, config("test").getValue(URL, String.class));
    }

    private static SmallRyeConfig config(String profile, PropertiesConfigSource... more) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(Map.of(URL, DEV_DEFAULT), "application.properties", 250))
                .withSources(more)
                .withSources(new EmbeddedDatabaseSource(port -> false))
                .build();
    }
}
