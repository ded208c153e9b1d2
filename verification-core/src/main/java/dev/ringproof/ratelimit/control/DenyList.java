package dev.ringproof.ratelimit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** E.164 prefixes never dialled, from {@code fraud.deny-prefixes} (comma-separated, default none). */
@ApplicationScoped
public class DenyList {

    private static final Logger LOG = Logger.getLogger(DenyList.class.getName());

    @Inject
    @ConfigProperty(name = "fraud.deny-prefixes")
    Optional<String> configured;

    private List<String> prefixes;

    public boolean denies(String e164) {
        if (prefixes == null) {
            prefixes = parse(configured.orElse(""));
        }
        return prefixes.stream().anyMatch(e164::startsWith);
    }

    /** Blank entries are skipped; malformed ones are logged and skipped rather than blocking everything. */
    static List<String> parse(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .filter(s -> {
                    boolean valid = Prefixes.isPrefix(s);
                    if (!valid) {
                        LOG.warning(() -> "fraud.deny-prefixes: ignoring '" + s + "', not '+' and digits");
                    }
                    return valid;
                })
                .toList();
    }
}
