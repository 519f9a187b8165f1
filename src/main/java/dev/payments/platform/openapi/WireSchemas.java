package dev.payments.platform.openapi;

import dev.payments.platform.http.Identifiers;
import dev.payments.platform.http.WireText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the annotations cannot say of the schemas, said as the wire has it: an amount is a JSON number or a numeric
 * string, up to its real bound; text rules written in Java regexes are given in ECMA-262, the dialect of OpenAPI's
 * patterns (the Java-only part, no unpaired surrogate, stays in the description); no schema nothing uses; the ids a
 * client names are bounded as {@link Identifiers} checks them.
 */
final class WireSchemas {

    /** Amounts are below this (at most 999999999999.99999999: numeric(20, 8)), a bound a double holds exactly. */
    private static final BigDecimal AMOUNT_BOUND = new BigDecimal("1000000000000");
    private static final String NUMERIC_STRING = "^[0-9]{1,12}(\\.[0-9]{1,8})?$";
    private static final Set<String> ID_PARAMETERS = Set.of("websiteId", "apiKeyId", "tokenId");

    private WireSchemas() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema amount = schemas.get("PaymentRequest").getProperties().get("amount");
        amount.setType(List.of(Schema.SchemaType.NUMBER, Schema.SchemaType.STRING));
        amount.setMaximum(null);
        amount.setExclusiveMaximum(AMOUNT_BOUND);
        amount.setMultipleOf(null);
        amount.setPattern(NUMERIC_STRING); // applies to the string form only
        // the generic Envelope<T> itself: only its typed variants (EnvelopeWebsiteView...) are used
        openAPI.getComponents().removeSchema("Envelope");
        schemas.values().stream().filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> schema.getProperties().values().stream())
                .filter(property -> WireText.PATTERN.equals(property.getPattern()))
                .forEach(property -> property.setPattern(WireText.ECMA_PATTERN));
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .filter(parameter -> ID_PARAMETERS.contains(parameter.getName()))
                .forEach(parameter -> asId(parameter.getSchema()));
        asId(schemas.get("CreateAccessToken").getProperties().get("websiteIds").getItems());
    }

    private static void asId(Schema schema) {
        schema.setMaxLength(Identifiers.MAX_LENGTH);
        schema.setPattern(Identifiers.PATTERN);
    }
}
