package dev.ringproof.api.verification;

import dev.ringproof.api.json.Fields;
import dev.ringproof.verification.boundary.StartCommand;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.util.regex.Pattern;

/** The body of {@code POST /api/v1/verifications}, read strictly. */
final class StartRequest {

    private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private StartRequest() {}

    /** {@code browser}: a publishable key's start, which may not name the end user's address (it is the connection's). */
    static StartCommand read(JsonObject body, String remoteAddress, boolean browser) {
        var fields = Fields.of(body, "phone", "channels", "locale", "reference", "client_ip");
        String phone = fields.requiredString("phone", 64);
        var channels = fields.optionalStringList("channels", 3, 16).orElse(null);
        String locale = fields.optionalString("locale", 16).orElse(null);
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            fields.problem("locale", "must be a language tag such as en or de-CH");
        }
        String reference = fields.optionalString("reference", 200).orElse(null);
        String clientIp = fields.optionalString("client_ip", 45).orElse(null);
        if (clientIp != null && browser) {
            fields.problem(
                    "client_ip", "is for a backend's starts: a publishable key's are limited by the browser's address");
        } else if (clientIp != null && !isIpLiteral(clientIp)) {
            fields.problem("client_ip", "must be an IPv4 or IPv6 address");
        }
        fields.requireValid();
        return new StartCommand(phone, channels, locale, reference, clientIp, remoteAddress);
    }

    /** Only literals: never resolve a name the caller sent. */
    private static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!IPV6.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
