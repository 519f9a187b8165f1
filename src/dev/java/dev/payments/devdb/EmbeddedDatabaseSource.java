package dev.payments.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Dev mode on a machine without PostgreSQL: when the datasource is left at its dev default on localhost:5432 and
 * nothing answers there, an embedded PostgreSQL is started ({@link DevPostgres}) and the datasource pointed at it.
 * A datasource set by the user (environment, system property) or a server answering on localhost:5432 wins. Only
 * dev mode does this: the embedded binaries are a provided-scope dependency that only dev mode and tests see.
 */
public class EmbeddedDatabaseSource implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseSource.class);
    private static final String URL = "quarkus.datasource.jdbc.url";
    private static final String DEFAULT_SERVER = "//localhost:5432/";
    /** application.properties on the class path; environment variables (300) and system properties (400) are above. */
    private static final int APPLICATION_PROPERTIES = 250;
    /** Above application.properties, below what the user sets. */
    private static final int ORDINAL = 275;
    private static final int CONNECT_TIMEOUT_MS = 500;

    private final IntPredicate answering;

    public EmbeddedDatabaseSource() {
        this(EmbeddedDatabaseSource::answers);
    }

    /** With another way to tell whether a server answers on a port (tests: as if none did). */
    EmbeddedDatabaseSource(IntPredicate answering) {
        this.answering = answering;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL);
        if (!context.getProfiles().contains("dev") || url == null || url.getValue() == null
                || url.getConfigSourceOrdinal() > APPLICATION_PROPERTIES || !url.getValue().contains(DEFAULT_SERVER)
                || answering.test(5432)) {
            return List.of();
        }
        Path dataDirectory = Path.of(value(context, "dev-postgres.directory",
                System.getProperty("user.home") + "/.local/share/payments-api/dev-postgres"));
        int port;
        try {
            port = DevPostgres.start(dataDirectory);
        } catch (NoClassDefFoundError e) {
            LOG.warnf("Nothing answers on localhost:5432 and this build has no embedded PostgreSQL (%s)",
                    e.getMessage());
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(
                URL, url.getValue().replace(DEFAULT_SERVER, "//localhost:" + port + "/"),
                "quarkus.datasource.username", DevPostgres.USER),
                "embedded dev PostgreSQL", ORDINAL));
    }

    private static String value(ConfigSourceContext context, String name, String defaultValue) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? defaultValue : value.getValue();
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
