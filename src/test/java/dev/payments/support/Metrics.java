package dev.payments.support;

import static io.restassured.RestAssured.given;

/** Reads one series of the Prometheus text at /q/metrics. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of a series, e.g. {@code payments_created_total{outcome="recorded"}}; fails if it is not exposed. */
    public static double value(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + series + " in /q/metrics"));
    }
}
