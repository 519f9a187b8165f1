package dev.payments.account.websites;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** Assertions shared by the Account API suites. */
public final class AdminAssertions {

    private AdminAssertions() {
    }

    /** Asserts the contract's error shape with this status and exact message; returns the response for more. */
    public static ValidatableResponse error(ValidatableResponse response, int code, String message) {
        return response.statusCode(code)
                .body("status", equalTo("error"))
                .body("error.code", equalTo(code))
                .body("error.message", equalTo(message));
    }

    /** How a raw key or token is displayed once masked: prefix, four characters, "...", the last four. */
    public static String masked(String raw) {
        return raw.substring(0, raw.indexOf('_') + 5) + "..." + raw.substring(raw.length() - 4);
    }
}
