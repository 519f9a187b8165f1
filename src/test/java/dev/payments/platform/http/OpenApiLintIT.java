package dev.payments.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.NodeTools;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published OpenAPI document passes a standard linter, Redocly's, with its recommended rules: no error (its
 * warnings are printed). Runs on the document the build wrote (target/openapi).
 */
class OpenApiLintIT {

    private static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void shouldPassTheRecommendedLintRulesWithoutAnError() throws Exception {
        NodeTools.Run lint = NodeTools.run(Path.of("."), Map.of(), "npx", "--yes", REDOCLY, "lint",
                "target/openapi/openapi.yaml");
        System.out.println(lint.output());
        assertEquals(0, lint.exitCode(), lint.output());
    }
}
