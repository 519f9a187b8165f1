package dev.payments.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures are a database out of reach (503) rather than a fault (500). */
class DatabaseFailuresTest {

    @Test
    void shouldTreatALostConnectionAsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("gone", "08006"))));
    }

    @Test
    void shouldTreatAServerShuttingDownAsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("terminating connection", "57P01")));
    }

    @Test
    void shouldTreatAnExhaustedPoolAsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLTransientConnectionException("timeout")));
    }

    @Test
    void shouldTreatARefusedConnectionAsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(new ConnectException("refused"))));
    }

    @Test
    void shouldTreatRefusedCredentialsOrAMissingDatabaseAsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("password authentication failed", "28P01")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("database \"x\" does not exist", "3D000")));
    }

    @Test
    void shouldTreatAStatementCancelledByTheTimeoutAsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("canceling statement due to statement timeout", "57014")));
    }

    @Test
    void shouldTreatAReportCancelledByAStandbysReplayAsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(
                new SQLException("canceling statement due to conflict with recovery", "40001")));
    }

    @Test
    void shouldTreatAConnectionLostDuringTheCommitAsUnavailable() {
        // how Narayana reports it: the driver's failure is suppressed, not the cause
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(commit)));
    }

    @Test
    void shouldTreatACommitRolledBackForAnotherReasonAsAFault() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("violates check constraint", "23514"));
        assertFalse(DatabaseFailures.isUnavailable(commit));
    }

    @Test
    void shouldReportTheInnermostMessage() {
        assertEquals("Connection refused", DatabaseFailures.rootMessage(
                new IllegalStateException("outer", new SQLException("middle", "08001", new ConnectException("Connection refused")))));
    }

    @Test
    void shouldNameTheInnermostCauseWhenItHasNoMessage() {
        assertEquals("java.io.EOFException", DatabaseFailures.rootMessage(
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException())));
    }

    @Test
    void shouldTreatAConstraintViolationAsAFault() {
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.isUnavailable(new NullPointerException()));
    }

    @Test
    void shouldRecogniseAUniqueViolationInTheCauses() {
        assertTrue(DatabaseFailures.isUniqueViolation(new RuntimeException(new SQLException("dup", "23505"))));
        assertFalse(DatabaseFailures.isUniqueViolation(new SQLException("gone", "08006")));
    }
}
