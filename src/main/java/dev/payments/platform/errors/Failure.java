package dev.payments.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a client's mistake reads in the contract's error shape: status, type, message and the fields at fault. The one
 * home of these wordings, used by the REST layer's exception mappers for a request and by the batch route for each of
 * its items.
 */
public record Failure(int status, String type, String message, List<String> fields) {

    /** Jackson's wording when STRICT_DUPLICATE_DETECTION finds a repeated key. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '(.{1,255})'");

    /** A failure of the HTTP layer's own, typed by its status alone. */
    public static Failure of(int status, String message) {
        return new Failure(status, HttpErrors.typeOf(status), message, null);
    }

    public static Failure of(ApiException e) {
        return new Failure(e.status(), e.type(), e.getMessage(), e.fields());
    }

    public static Failure of(Collection<? extends ConstraintViolation<?>> violations) {
        List<ConstraintViolation<?>> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparing(Failure::fieldOf));
        String message = sorted.stream().map(Failure::describe).distinct().collect(Collectors.joining("; "));
        List<String> fields = sorted.stream().map(Failure::fieldOf).filter(f -> !f.isEmpty()).distinct().toList();
        return new Failure(400, "validation_failed", message, fields.isEmpty() ? null : fields);
    }

    /** A body that is JSON but not of the shape expected (a string for a number, an array for an object...). */
    public static Failure of(MismatchedInputException e, String what) {
        String field = jsonPath(e);
        String message = field.isEmpty() ? what + " must be a JSON object" : field + " has the wrong type or format";
        return new Failure(400, "invalid_json", message, field.isEmpty() ? null : List.of(field));
    }

    /** A body that is not JSON, or has a key twice. */
    public static Failure of(JsonProcessingException e, String what) {
        if (e instanceof MismatchedInputException mismatch) {
            return of(mismatch, what);
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String field = duplicate.group(1);
            return new Failure(400, "invalid_json", what + " has the field " + field + " more than once",
                    List.of(field));
        }
        return new Failure(400, "invalid_json", what + " is not valid JSON", null);
    }

    /** A violation as the error message names it: the JSON field, then what is wrong with it. */
    public static String describe(ConstraintViolation<?> violation) {
        String field = fieldOf(violation);
        return field.isEmpty() ? "request body " + violation.getMessage() : field + " " + violation.getMessage();
    }

    /** The JSON name of the offending field: record components are named as on the wire. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                field = field.isEmpty() ? node.getName() : field + "." + node.getName();
            }
        }
        return field;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
