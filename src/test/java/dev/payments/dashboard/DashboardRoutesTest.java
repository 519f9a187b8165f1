package dev.payments.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's files come from the service itself, under headers that keep the page to itself (contract §11). */
@QuarkusTest
class DashboardRoutesTest {

    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @Test
    void shouldSendTheDashboardsAddressToItsFolder() {
        given().redirects().follow(false).get("/dashboard")
                .then().statusCode(301).header("Location", "dashboard/");
    }

    @Test
    void shouldServeThePageUnderAPolicyThatLoadsAndSendsNothingElsewhere() {
        given().get("/dashboard/")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", equalTo(DashboardRoutes.POLICY))
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<title>Revenue dashboard"));
    }

    @Test
    void shouldLinkOnlyToFilesOfTheServiceItself() {
        String page = given().get("/dashboard/").then().statusCode(200).extract().asString();
        List<String> linked = LINKED.matcher(page).results().map(link -> link.group(1)).toList();

        assertEquals(List.of(), linked.stream().filter(link -> link.contains("//") || link.contains(":")).toList());
        // the page's own files, and Swagger UI beside it
        linked.stream().filter(link -> !link.startsWith("#"))
                .map(link -> link.startsWith("../") ? link.substring(2) : "/dashboard/" + link)
                .forEach(path -> given().get(path).then().statusCode(200));
    }

    @Test
    void shouldServeTheChartLibraryFromTheServiceItself() {
        given().get("/dashboard/vendor/chart.js/chart.umd.min.js")
                .then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("Chart"));
    }
}
