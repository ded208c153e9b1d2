package dev.ringproof.usage.control;

import dev.ringproof.platform.control.SchemaMigration;
import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.Price;
import dev.ringproof.usage.entity.UsageGroup;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Sums the ledger into report lines with one SQL statement read through a cursor (fetch
 * size), so a year of traffic streams instead of sitting in memory. The order is total,
 * so the same period always gives the same lines in the same order.
 */
@Dependent
public class LedgerQuery {

    static final int FETCH_SIZE = 500;

    private static final String GROUPS = "select x.tenant_id, t.name, x.usage_day, x.channel, x.country,"
            + " x.unit_price, x.currency, count(*) as attempts, sum(x.approved) as approved"
            + " from (select u.tenant_id, u.usage_day, u.channel, u.country, u.unit_price, u.currency,"
            + "   case when v.status = 'approved' and not exists (select 1 from verification_attempt n"
            + "     where n.verification_id = a.verification_id and n.seq > a.seq) then 1 else 0 end as approved"
            + "   from usage_line u"
            + "   join verification v on v.id = u.verification_id"
            + "   join verification_attempt a on a.id = u.attempt_id"
            + "   where u.usage_day >= ? and u.usage_day <= ? %s) x"
            + " join tenant t on t.id = x.tenant_id"
            + " group by x.tenant_id, t.name, x.usage_day, x.channel, x.country, x.unit_price, x.currency"
            + " order by x.tenant_id, x.usage_day, x.channel, x.country, x.unit_price, x.currency";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** Hands each line of the period (of one tenant, or all when {@code tenantId} is null) to {@code sink}. */
    public void forEachGroup(Period period, String tenantId, Consumer<UsageGroup> sink) {
        try (Connection connection = dataSource.getConnection()) {
            forEachGroup(connection, period, tenantId, sink);
        } catch (SQLException e) {
            throw new IllegalStateException("the usage report query failed", e);
        }
    }

    static void forEachGroup(Connection connection, Period period, String tenantId, Consumer<UsageGroup> sink)
            throws SQLException {
        String sql = String.format(GROUPS, tenantId == null ? "" : "and u.tenant_id = ?");
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setObject(1, period.from());
            statement.setObject(2, period.to());
            if (tenantId != null) {
                statement.setString(3, tenantId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(group(rows));
                }
            }
        }
    }

    private static UsageGroup group(ResultSet rows) throws SQLException {
        return new UsageGroup(
                rows.getString(1),
                rows.getString(2),
                rows.getObject(3, LocalDate.class),
                rows.getString(4),
                rows.getString(5),
                rows.getLong(8),
                rows.getLong(9),
                rows.getBigDecimal(6).setScale(Price.SCALE),
                rows.getString(7));
    }
}
