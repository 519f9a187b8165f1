package dev.payments.platform.database;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.cache.ConnectionCache;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalConnectionPoolConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.transaction.TransactionIntegration;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where the reads that may scan many rows (revenue reports, CSV exports, payment lists) run. With
 * PAYMENTS_DATABASE_REPORTS_JDBC_URL (a standby's URL, {@code targetServerType=preferSecondary} to fall back to the
 * primary while it is away), they get a pool of their own there, with the primary pool's settings (size, timeouts,
 * session options, credentials); without it, the primary's pool, as every other statement. The standby's pool takes
 * no part in readiness: with a fallback in its URL, reports still run while the standby is away.
 */
@Singleton
class ReportConnections {

    private static final Logger LOG = Logger.getLogger(ReportConnections.class);

    private final Optional<AgroalDataSource> standby;
    private final Optional<PooledConnections> standbyConnections;
    private final Jdbc jdbc;

    ReportConnections(Jdbc primary, AgroalDataSource pool, DatabaseConfig config) {
        this.standby = config.reportsJdbcUrl().map(url -> copy(pool, url));
        this.standbyConnections = standby.map(PooledConnections::new);
        this.jdbc = standbyConnections.map(Jdbc::new).orElse(primary);
        config.reportsJdbcUrl().ifPresent(url -> LOG.infof("reports, exports and lists read through %s", url));
    }

    @Produces
    @Reports
    Jdbc jdbc() {
        return jdbc;
    }

    /** The standby's pool, when there is one (its metrics). */
    Optional<AgroalDataSource> standby() {
        return standby;
    }

    @PreDestroy
    void close() {
        standbyConnections.ifPresent(PooledConnections::stop);
        standby.ifPresent(AgroalDataSource::close);
    }

    private static AgroalDataSource copy(AgroalDataSource primary, String url) {
        AgroalConnectionPoolConfiguration settings = primary.getConfiguration().connectionPoolConfiguration();
        // the primary's per-thread connection cache and JTA integration are its own: shared, a thread that had read on
        // the standby got that connection back from the primary's pool for its next write
        AgroalConnectionPoolConfigurationSupplier pool = new AgroalConnectionPoolConfigurationSupplier(settings)
                .connectionCache(ConnectionCache.none())
                .transactionIntegration(TransactionIntegration.none())
                .recoveryEnable(false)
                .connectionFactoryConfiguration(new AgroalConnectionFactoryConfigurationSupplier(
                        settings.connectionFactoryConfiguration()).jdbcUrl(url));
        return new io.agroal.pool.DataSource(new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(pool)
                .get());
    }
}
