package dev.payments.platform.http;

import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.NodeTools;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript example (examples/typescript-client): types generated from the published document with
 * openapi-typescript, checked by tsc --strict with no cast, then run with openapi-fetch against the packaged
 * application: it records, lists page by page, and deletes.
 */
@QuarkusIntegrationTest
class TypedClientIT {

    private static final Path CLIENT = Path.of("examples", "typescript-client");

    @Test
    void shouldTypeCheckAndRunTheTypedClientAgainstTheService() throws Exception {
        String key = website().key();
        NodeTools.Run install = NodeTools.run(CLIENT, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        assertEquals(0, install.exitCode(), install.output());
        NodeTools.Run check = NodeTools.run(CLIENT, Map.of(
                "OPENAPI_DOCUMENT", Path.of("target", "openapi", "openapi.json").toAbsolutePath().toString(),
                "PAYMENTS_API_URL", RestAssured.baseURI + ":" + RestAssured.port,
                "PAYMENTS_API_KEY", key), "npm", "run", "check");
        System.out.println(check.output());
        assertEquals(0, check.exitCode(), check.output());
    }
}
