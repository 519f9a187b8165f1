package dev.payments.account.websites;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The item of a successful Account API delete or revoke. */
@Schema(name = "Deleted", requiredProperties = {"message", "id"})
public record Deleted(@Schema(examples = "Website deleted") String message, String id) {
}
