package dev.payments.http;

import java.util.List;

/** The {"status":"success","data":[...]} wrapper DataFast's account and delete responses use. */
public record Envelope<T>(String status, List<T> data) {

    public static <T> Envelope<T> of(List<T> data) {
        return new Envelope<>("success", data);
    }

    public static <T> Envelope<T> of(T item) {
        return new Envelope<>("success", List.of(item));
    }
}
