package dev.kassa.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
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
    }

    @Test
    void defectsAreNot() {
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("boom")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(null)).isFalse();
    }
}
