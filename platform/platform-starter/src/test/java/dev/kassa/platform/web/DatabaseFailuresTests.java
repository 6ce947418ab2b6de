package dev.kassa.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTests {

    @Test
    void whatARestartOfPostgresqlThrowsIsTheDatabaseBeingAway() {
        // seen in the failover run: a read whose connection the restart cut, then its rollback on the closed connection
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(
                new DataAccessResourceFailureException("terminating connection due to administrator command"));
        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
        assertThat(DatabaseFailures.isUnavailable(
                        new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("pool")))
                .isTrue();
        // seen in the failover run (auth, a login while PostgreSQL restarted): a JPA transaction's rollback on the
        // connection the pool had just evicted, Hibernate's exception replacing the one that said why
        assertThat(DatabaseFailures.isUnavailable(
                        new UncategorizedDataAccessException(
                                "Unable to rollback against JDBC Connection",
                                new IllegalStateException(
                                        "Unable to rollback against JDBC Connection",
                                        new SQLException("Connection is closed"))) {}))
                .isTrue();
    }

    @Test
    void defectsAreNot() {
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("boom")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(
                        new RuntimeException(new SQLException("Connection is closed", "42000"))))
                .as("only the pool's own closed connection, without a state")
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(null)).isFalse();
    }
}
