package dev.payments.account.tokens;

import dev.payments.account.credentials.Credential;
import dev.payments.account.credentials.Permission;
import dev.payments.platform.http.Identifiers;
import java.util.List;

/** A token to create, as its request asks for it: trimmed, without repeats, the caller's permissions if none named. */
public record NewAccessToken(String name, List<String> permissions, List<String> websiteIds) {

    static NewAccessToken of(CreateTokenRequest request, Credential caller) {
        List<String> permissions = request.permissions() == null
                ? caller.permissions().stream().map(Permission::wire).sorted().toList()
                : request.permissions().stream().map(String::trim).distinct().toList();
        List<String> websiteIds = request.websiteIds() == null ? List.of()
                : request.websiteIds().stream().map(id -> Identifiers.inParameter(id, "websiteIds")).map(String::trim)
                        .distinct().toList();
        return new NewAccessToken(request.name().trim(), permissions, websiteIds);
    }
}
