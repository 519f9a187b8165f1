package dev.payments.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dev mode's embedded PostgreSQL keeps what it stored for the next run in the same directory. */
class DevPostgresTest {

    private Path directory;

    @BeforeEach
    void createDirectory() throws IOException {
        directory = Files.createTempDirectory("dev-postgres-test");
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void shouldFindTheDataOfTheEarlierRunInTheSameDirectory() throws Exception {
        Path data = directory.resolve("data");
        Path log = directory.resolve("postgres.log");
        try (EmbeddedPostgres first = DevPostgres.launch(data, log)) {
            execute(first, "create table kept (note text); insert into kept values ('from the first run')");
        }
        try (EmbeddedPostgres second = DevPostgres.launch(data, log);
                Connection connection = second.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select note from kept")) {
            rows.next();
            assertEquals("from the first run", rows.getString(1));
        }
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
