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
        }
        return false;
    }
}
