package dev.kassa.platform.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached for now (restarting, failing over to a replica, a connection cut),
 * which a client should retry, as opposed to a defect: no connection to be had, a connection broken mid-statement
 * (SQL state class 08, or 57P01-57P03: the server shutting down or starting), no transaction to be begun or rolled back for
 * either reason.
 */
public final class DatabaseFailures {

    /** HikariCP's message (without an SQL state) for any use of a connection it has closed. */
    static final String CLOSED_BY_POOL = "Connection is closed";

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // a rollback that failed because the connection went with the database: the failure it rolled back says why
            if (t instanceof TransactionSystemException tse
                    && (isUnavailable(tse.getOriginalException()) || tse.getCause() instanceof SQLException)) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // the pool's own answer for a connection it closed because the database broke it (HikariCP evicts a
            // connection on a fatal SQL state; a JPA rollback then fails on it, and Hibernate's "Unable to rollback"
            // replaces the failure that says why, as a JpaSystemException). Kassa's code never uses a connection after
            // giving it back, so a closed one means the database went
            if (t instanceof SQLException sql && sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
