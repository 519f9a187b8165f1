package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Idempotency under concurrency: identical creates race, and exactly one row results. */
@QuarkusTest
class ConcurrentCreateTest {

    private static final int CALLERS = 24;

    @Test
    void shouldStoreOnePaymentAndAnswerEveryCallerWhenIdenticalCreatesRace() throws Exception {
        TestWebsite site = website();
        String tx = unique("tx");
        Map<String, Object> body = payment(tx);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return as(site.key()).contentType(ContentType.JSON).body(body).post("/api/v1/payments");
                }));
            }
            start.countDown();
            List<String> messages = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertEquals(200, response.statusCode(), response.asString());
                messages.add(response.path("message"));
            }
            assertEquals(1, messages.stream().filter("Payment recorded"::equals).count(), messages.toString());
            assertEquals(CALLERS - 1, messages.stream()
                    .filter("Payment already recorded; duplicate skipped"::equals).count(), messages.toString());
        } finally {
            pool.shutdownNow();
        }
        as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments")
                .then().statusCode(200).body("data.size()", equalTo(1));
    }
}
