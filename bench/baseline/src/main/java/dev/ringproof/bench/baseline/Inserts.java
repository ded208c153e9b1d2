package dev.ringproof.bench.baseline;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** One row in one container-managed transaction: the least a verification start could cost. */
@Stateless
public class Inserts {

    @Resource(lookup = Rows.DATASOURCE)
    DataSource dataSource;

    public String insert(String phone) {
        var id = "bl_" + UUID.randomUUID();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "insert into baseline.baseline_row (id, phone, created_at) values (?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, phone);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("baseline insert", e);
        }
    }
}
