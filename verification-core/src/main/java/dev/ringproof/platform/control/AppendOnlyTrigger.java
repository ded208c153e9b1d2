package dev.ringproof.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's refusal of every UPDATE and DELETE of the audit trail (V23). H2 finds this class by its
 * name through the thread's context class loader, the application's, when the migration
 * creates the trigger and when a statement fires it; a statement that cannot load it fails too.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        throw new SQLException("audit_entry is append-only", "42501");
    }
}
