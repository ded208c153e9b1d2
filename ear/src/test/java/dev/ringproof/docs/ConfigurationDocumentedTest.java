package dev.ringproof.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md names every setting the code reads. The keys are found in the main
 * sources of every module, where the code names them:
 * <ul>
 * <li>{@code @ConfigProperty(name = "key")};
 * <li>{@code getValue("key", …)}, {@code getOptionalValue("key", …)};
 * <li>{@code ${MPCONFIG=key:default}} in resource definitions and activation configs;
 * <li>a constant {@code KEY = "key"} (or {@code …_KEY});
 * <li>a key built from parts: {@code String p = "a.b."} then {@code p + "c"} gives {@code a.b.c}, and
 *     {@code String p = "a." + name + "."} then {@code p + "c"} gives {@code a.<name>.c}, as the page writes
 *     such families;
 * <li>any other literal of a known namespace ending in {@code .} and followed by {@code +}: that prefix.
 * </ul>
 * The page must hold each key in backticks ({@code `key`}), a prefix at the start of a backticked key. The
 * environment variables the scripts read with a default ({@code ${VAR:-…}}) must be on the page too.
 */
class ConfigurationDocumentedTest {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern GET_VALUE = Pattern.compile("get(?:Optional)?Value\\(\\s*\"([^\"]+)\"\\s*,");
    private static final Pattern MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=([^:}]+)[:}]");
    private static final Pattern KEY_CONSTANT = Pattern.compile("\\b(?:\\w+_)?KEY\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PREFIX_VARIABLE = Pattern.compile(
            "String\\s+(\\w+)\\s*=\\s*\"([a-z][a-z0-9.-]*\\.)\"\\s*(?:\\+\\s*(\\w+)\\s*\\+\\s*\"\\.\"\\s*)?;");
    private static final Pattern PREFIX_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*\\.[a-z0-9.-]*\\.)\"\\s*\\+");
    private static final Pattern SCRIPT_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):[-=]");

    @Test
    void everyKeyTheCodeReadsIsOnTheConfigurationPage() {
        String page = Repository.read("docs/configuration.md");
        Set<String> keys = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path source : mainSources()) {
            read(Repository.textOf(source), keys, prefixes);
        }
        Set<String> namespaces = new TreeSet<>();
        keys.forEach(key -> namespaces.add(key.substring(0, key.indexOf('.') + 1)));
        prefixes.removeIf(prefix -> namespaces.stream().noneMatch(prefix::startsWith));

        assertThat(keys)
                .as("keys found in the sources")
                .hasSizeGreaterThan(50)
                .contains(
                        "db.url",
                        "telephony.sip.port",
                        "telephony.carrier.<name>.timeout",
                        "console.session.idle-timeout");
        assertThat(keys)
                .as("keys missing from docs/configuration.md")
                .filteredOn(key -> !page.contains("`" + key + "`"))
                .isEmpty();
        assertThat(prefixes)
                .as("key families missing from docs/configuration.md")
                .filteredOn(prefix -> !page.contains("`" + prefix))
                .isEmpty();
    }

    @Test
    void everyVariableTheScriptsReadIsOnTheConfigurationPage() {
        String page = Repository.read("docs/configuration.md");
        Set<String> variables = new TreeSet<>();
        for (Path script : scripts()) {
            String text = Repository.textOf(script);
            Matcher read = SCRIPT_VARIABLE.matcher(text);
            while (read.find()) {
                String name = read.group(1);
                // a variable the script sets itself is its own, not the operator's
                if (!Pattern.compile("(?m)(^|\\s)" + name + "=").matcher(text).find()) {
                    variables.add(name);
                }
            }
        }
        assertThat(variables).as("variables found in the scripts").contains("BROKER_BIND", "ADMIN_BOOTSTRAP_USER");
        assertThat(variables)
                .as("script variables missing from docs/configuration.md")
                .filteredOn(name -> !page.contains("`" + name + "`"))
                .isEmpty();
    }

    @Test
    void theScannerFindsEachWayTheCodeNamesAKey() {
        String source = """
                @ConfigProperty(name = "a.one", defaultValue = "1")
                config.getOptionalValue("a.two", String.class);
                @DataSourceDefinition(url = "${MPCONFIG=a.three:jdbc:h2:mem:x}", user = "${MPCONFIG=a.four}")
                public static final String KEY = "a.five";
                String p = "a.six.";
                value(p + "seven", "");
                String prefix = "a.carrier." + name + ".";
                value(prefix + "token", "");
                config.apply("a.route." + channel);
                """;
        Set<String> keys = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();

        read(source, keys, prefixes);

        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "a.one", "a.two", "a.three", "a.four", "a.five", "a.six.seven", "a.carrier.<name>.token");
        assertThat(prefixes).contains("a.route.");
    }

    static void read(String source, Set<String> keys, Set<String> prefixes) {
        for (Pattern named : new Pattern[] {CONFIG_PROPERTY, GET_VALUE, MPCONFIG, KEY_CONSTANT}) {
            Matcher m = named.matcher(source);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        Map<String, String> variables = new HashMap<>();
        Matcher variable = PREFIX_VARIABLE.matcher(source);
        while (variable.find()) {
            variables.put(
                    variable.group(1),
                    variable.group(3) == null ? variable.group(2) : variable.group(2) + "<" + variable.group(3) + ">.");
        }
        variables.forEach((name, prefix) -> {
            Matcher use = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\+\\s*\"([a-z0-9-]+)\"")
                    .matcher(source);
            while (use.find()) {
                keys.add(prefix + use.group(1));
            }
        });
        Matcher literal = PREFIX_LITERAL.matcher(source);
        while (literal.find()) {
            prefixes.add(literal.group(1));
        }
    }

    private static Iterable<Path> mainSources() {
        try (Stream<Path> modules = Files.list(Repository.ROOT)) {
            return modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(dir -> Repository.files(dir).stream())
                    .filter(p -> p.toString().endsWith(".java"))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Iterable<Path> scripts() {
        var scripts = new java.util.ArrayList<Path>(Repository.files(Repository.ROOT.resolve("bin")));
        scripts.add(Repository.ROOT.resolve("ringproof"));
        return scripts;
    }
}
