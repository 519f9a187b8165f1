package dev.payments.fuzz;

import static dev.payments.support.Fixtures.as;

import dev.payments.support.Fixtures.TestWebsite;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** What a website holds, read back page by page through GET /api/v1/payments. */
final class StoredPayments {

    private StoredPayments() {
    }

    static List<String> transactionIds(TestWebsite site) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(site.key()).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(FuzzRequest.PATH).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("data.transaction_id", String.class));
            cursor = page.getString("pagination.next_cursor");
        } while (cursor != null);
        return ids;
    }
}
