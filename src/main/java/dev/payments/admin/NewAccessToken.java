package dev.payments.admin;

import dev.payments.auth.Credential;
import dev.payments.auth.Permission;
import dev.payments.http.Identifiers;
import java.util.List;

/** A token to create, as its request asks for it: trimmed, without repeats, the caller's permissions if none named. */
record NewAccessToken(String name, List<String> permissions, List<String> websiteIds) {

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
