package dev.payments.http;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** Adds the failures every authenticated route can return (auth, server, database) to each API operation. */
public class StandardResponses implements OASFilter {

    private static final Map<String, String> EVERY_ROUTE = Map.of(
            "401", "Unauthorized",
            "403", "Forbidden",
            "500", "InternalError",
            "503", "ServiceUnavailable");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            EVERY_ROUTE.forEach((status, name) -> {
                if (!responses.hasAPIResponse(status)) {
                    responses.addAPIResponse(status, OASFactory.createAPIResponse()
                            .ref("#/components/responses/" + name));
                }
            });
        }
        return operation;
    }
}
