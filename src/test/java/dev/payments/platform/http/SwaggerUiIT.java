package dev.payments.platform.http;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.platform.http.SwaggerUiPage.LiveResponse;
import dev.payments.platform.http.SwaggerUiPage.Operation;
import dev.payments.platform.openapi.ApiDocs;
import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Swagger UI of the packaged application records and deletes a real payment with a df_ website key. */
@QuarkusIntegrationTest
class SwaggerUiIT {

    private static final Pattern TRANSACTION_ID = Pattern.compile("(\"transaction_id\"\\s*:\\s*)\"[^\"]*\"");

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium(Path.of("target", "swagger-ui-failures"));

    @TestHTTPResource("/q/swagger-ui")
    URL swaggerUi;

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldRecordThePaymentExampleWithANewTransactionId() {
        String tx = unique("tx");
        SwaggerUiPage page = SwaggerUiPage.open(chromium.driver(), swaggerUi);
        page.authorize(site.key());
        Operation post = page.tryItOut("post", "/api/v1/payments");
        post.editBody(example -> withTransactionId(example, tx));
        LiveResponse response = post.execute();

        assertEquals("200", response.status(), response::toString);
        assertThat(response.body(), containsString("Payment recorded"));
        assertThat(response.body(), containsString(tx));
        JsonPath example = JsonPath.from(ApiDocs.PAYMENT_EXAMPLE);
        stored(tx).body("data[0].amount", equalTo(new BigDecimal(example.getString("amount"))))
                .body("data[0].currency", equalTo(example.getString("currency")))
                .body("data[0].datafast_visitor_id", equalTo(example.getString("datafast_visitor_id")))
                .body("data[0].customer_email", equalTo(example.getString("email")));
    }

    @Test
    void shouldDeleteAPaymentByTransactionId() {
        String tx = unique("tx");
        record(site, payment(tx));
        SwaggerUiPage page = SwaggerUiPage.open(chromium.driver(), swaggerUi);
        page.authorize(site.key());
        Operation delete = page.tryItOut("delete", "/api/v1/payments");
        delete.fill("transaction_id", tx);
        LiveResponse response = delete.execute();

        assertEquals("200", response.status(), response::toString);
        assertThat(response.body(), matchesPattern("(?s).*\"deleted\"\\s*:\\s*1\\b.*"));
        assertThat(response.body(), containsString(tx));
        stored(tx).body("data", empty());
    }

    /** The example as Swagger UI shows it, with only its transaction_id changed. */
    private static String withTransactionId(String example, String tx) {
        Matcher id = TRANSACTION_ID.matcher(example);
        assertTrue(id.find(), "the request body example has a transaction_id: " + example);
        return id.replaceFirst("$1\"" + tx + "\"");
    }

    private ValidatableResponse stored(String tx) {
        return as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments").then().statusCode(200);
    }
}
