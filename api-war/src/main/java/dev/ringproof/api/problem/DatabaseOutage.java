package dev.ringproof.api.problem;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Recognises a failure that says the database cannot be reached right now (restarting, a
 * broken connection, an empty pool), anywhere in a cause chain: the API answers those 503
 * {@code channel_unavailable}, to be retried, not 500. A transaction that could not complete
 * (the commit met a dead connection: SystemException over an XAException that carries the
 * cause in its message only) counts too; its outcome is unknown, so a retry needs the
 * request's Idempotency-Key, as for any 5xx.
 */
final class DatabaseOutage {

    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {}

    static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = next(cause), depth++) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof ResourceException
                    || cause instanceof SocketException
                    || cause instanceof SystemException
                    || cause instanceof XAException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getNextException() != null && cause.getCause() == null) {
            return sql.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
