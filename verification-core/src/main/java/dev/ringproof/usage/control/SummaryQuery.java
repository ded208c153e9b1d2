package dev.ringproof.usage.control;

import dev.ringproof.platform.control.SchemaMigration;
import dev.ringproof.usage.entity.MonthlySummary;
import dev.ringproof.usage.entity.Price;
import dev.ringproof.usage.entity.UsageMonth;
import dev.ringproof.usage.entity.VerificationCost;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The monthly summaries, from the ledger alone: one row per verification whose first ledger
 * line falls in the month (with all its lines, also those of the next day), read through a
 * cursor in tenant order, so each tenant's summary is handed on as soon as it is complete.
 * The SMS-only price of a verification is the SMS price in force for its country when its
 * first send was recorded, chosen as the ledger chooses prices ({@link PriceSelector}).
 */
@Dependent
public class SummaryQuery {

    private static final String VERIFICATIONS = "select x.tenant_id, t.name, x.verification_id, x.country,"
            + " min(x.recorded_at), sum(x.unit_price), max(x.approved_on),"
            + " max(case when x.channel = 'missed_call' then 1 else 0 end),"
            + " max(case when x.channel = 'sms' then 1 else 0 end),"
            + " max(case when x.channel = 'voice' then 1 else 0 end)"
            + " from (select u.tenant_id, u.verification_id, v.country, u.recorded_at, u.usage_day, u.unit_price,"
            + "   u.channel, case when v.status = 'approved' and not exists (select 1 from verification_attempt n"
            + "     where n.verification_id = a.verification_id and n.seq > a.seq) then u.channel end as approved_on"
            + "   from usage_line u"
            + "   join verification v on v.id = u.verification_id"
            + "   join verification_attempt a on a.id = u.attempt_id"
            + "   where u.verification_id in (select w.verification_id from usage_line w"
            + "     where w.usage_day >= ? and w.usage_day <= ? %s)) x"
            + " join tenant t on t.id = x.tenant_id"
            + " group by x.tenant_id, t.name, x.verification_id, x.country"
            + " having min(x.usage_day) >= ?"
            + " order by x.tenant_id, x.verification_id";

    private static final String SMS_PRICES =
            "select id, channel, country, unit_price, currency, valid_from" + " from price where channel = 'sms'";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** Hands each tenant's summary of {@code month} (one tenant's, or all when {@code tenantId} is null) to {@code sink}. */
    public void forEachTenant(UsageMonth month, String tenantId, String currency, Consumer<MonthlySummary> sink) {
        try (Connection connection = dataSource.getConnection()) {
            forEachTenant(connection, month, tenantId, currency, sink);
        } catch (SQLException e) {
            throw new IllegalStateException("the monthly summary query failed", e);
        }
    }

    static void forEachTenant(
            Connection connection, UsageMonth month, String tenantId, String currency, Consumer<MonthlySummary> sink)
            throws SQLException {
        List<Price> smsPrices = smsPrices(connection);
        MonthlySummary[] current = {null};
        forEachVerification(connection, month, tenantId, verification -> {
            if (current[0] != null && !current[0].tenantId().equals(verification.tenantId())) {
                sink.accept(current[0]);
                current[0] = null;
            }
            if (current[0] == null) {
                current[0] = new MonthlySummary(verification.tenantId(), verification.tenantName(), month, currency);
            }
            current[0].add(verification, smsPrice(smsPrices, verification));
        });
        if (current[0] != null) {
            sink.accept(current[0]);
        }
    }

    /** One SMS to the verification's country at its start; 0 without an SMS price, as the ledger bills it. */
    static BigDecimal smsPrice(List<Price> smsPrices, VerificationCost verification) {
        return PriceSelector.choose(smsPrices, verification.country(), verification.firstSentAt())
                .map(Price::unitPrice)
                .orElse(BigDecimal.ZERO.setScale(Price.SCALE));
    }

    private static void forEachVerification(
            Connection connection, UsageMonth month, String tenantId, Consumer<VerificationCost> sink)
            throws SQLException {
        String sql = String.format(VERIFICATIONS, tenantId == null ? "" : "and w.tenant_id = ?");
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(LedgerQuery.FETCH_SIZE);
            int i = 1;
            statement.setObject(i++, month.period().from());
            statement.setObject(i++, month.period().to());
            if (tenantId != null) {
                statement.setString(i++, tenantId);
            }
            statement.setObject(i, month.period().from());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(verification(rows));
                }
            }
        }
    }

    private static VerificationCost verification(ResultSet rows) throws SQLException {
        var channels = new LinkedHashSet<String>();
        for (int i = 0; i < MonthlySummary.CHANNELS.size(); i++) {
            if (rows.getInt(8 + i) == 1) {
                channels.add(MonthlySummary.CHANNELS.get(i));
            }
        }
        return new VerificationCost(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getObject(5, OffsetDateTime.class),
                rows.getBigDecimal(6).setScale(Price.SCALE),
                channels,
                rows.getString(7));
    }

    private static List<Price> smsPrices(Connection connection) throws SQLException {
        List<Price> prices = new ArrayList<>();
        try (var statement = connection.prepareStatement(SMS_PRICES);
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                prices.add(new Price(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getBigDecimal(4),
                        rows.getString(5),
                        rows.getObject(6, OffsetDateTime.class)));
            }
        }
        return prices;
    }
}
