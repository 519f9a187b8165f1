package dev.payments.platform.http;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {"status":"success","data":[...]} wrapper DataFast's account and delete responses use. */
@Schema(requiredProperties = {"status", "data"})
public record Envelope<T>(@Schema(enumeration = "success") String status, List<T> data) {

    public static <T> Envelope<T> of(List<T> data) {
        return new Envelope<>("success", data);
    }

    public static <T> Envelope<T> of(T item) {
        return new Envelope<>("success", List.of(item));
    }
}
