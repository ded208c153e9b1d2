package dev.ringproof.webhook.control;

import dev.ringproof.sealing.control.Seal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals the webhook signing secrets that a version without sealing stored in clear. Runs at
 * every start, after the schema migrations ({@link SecretSealing}): a SQL migration cannot
 * encrypt, and the key is configuration, not schema. Once every value is sealed it finds
 * nothing to do.
 */
public final class ClearWebhookSecrets {

    private static final String SEALED = "sealed1.%";

    private ClearWebhookSecrets() {}

    private record Row(String tenantId, String current, String previous) {}

    /** Seals every clear secret in place, each endpoint in its own statement; answers how many tenants. */
    public static int seal(Connection connection, Seal seal) throws SQLException {
        List<Row> clear = new ArrayList<>();
        try (var select = connection.prepareStatement("select tenant_id, secret, previous_secret"
                + " from webhook_endpoint where secret not like ? or previous_secret not like ?")) {
            select.setString(1, SEALED);
            select.setString(2, SEALED);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    clear.add(new Row(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        try (var update = connection.prepareStatement("update webhook_endpoint set secret = ?,"
                + " previous_secret = ?, version = version + 1 where tenant_id = ?")) {
            for (Row row : clear) {
                String boundTo = WebhookSecrets.boundTo(row.tenantId());
                update.setString(1, sealed(seal, row.current(), boundTo));
                update.setString(2, sealed(seal, row.previous(), boundTo));
                update.setString(3, row.tenantId());
                update.executeUpdate();
            }
        }
        return clear.size();
    }

    private static String sealed(Seal seal, String stored, String boundTo) {
        return stored == null || Seal.isSealed(stored) ? stored : seal.close(stored, boundTo);
    }
}
