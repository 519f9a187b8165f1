package dev.payments.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the schema is prepared; the datasource's own check covers the database going away later. */
@Readiness
@ApplicationScoped
public class SchemaHealth implements HealthCheck {

    @Inject
    Schema schema;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Database schema").status(schema.isReady()).build();
    }
}
