package dev.ringproof.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.regex.Pattern;

/** A native query as the code hands it to JPA ({@code ?1}, {@code ?2}…), prepared on a plain connection. */
public final class JpaSql {

    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d)");

    private JpaSql() {}

    /** {@code sql} with its {@code ?n} parameters bound as JPA binds them, wherever they stand. */
    public static PreparedStatement prepared(Connection c, String sql, Object... parameters) throws SQLException {
        var order = new ArrayList<Integer>();
        var m = PARAMETER.matcher(sql);
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
        }
        var p = c.prepareStatement(PARAMETER.matcher(sql).replaceAll("?"));
        for (int i = 0; i < order.size(); i++) {
            p.setObject(i + 1, parameters[order.get(i) - 1]);
        }
        return p;
    }

    /** PostgreSQL's plan for {@code sql}, its {@code ?n} parameters bound as JPA binds them, one line a node. */
    public static String plan(Connection c, String sql, Object... parameters) throws SQLException {
        var plan = new StringBuilder();
        try (var p = prepared(c, "explain " + sql, parameters);
                var rows = p.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
