package dev.ringproof.webhook.control;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The addresses a webhook may not be sent to: every block of IANA's IPv4 and IPv6
 * Special-Purpose Address Registries (the CSV files as IANA publishes them, kept beside this
 * class), multicast ({@code 224.0.0.0/4}, {@code ff00::/8}), and IPv6 outside {@code 2000::/3},
 * the only range of the IPv6 Address Space registry allocated as global unicast (this
 * takes in the IPv4-compatible {@code ::/96} and every unassigned range). Blocks that carry
 * an IPv4 address inside an IPv6 one (IPv4-mapped, NAT64 {@code 64:ff9b::/96} and
 * {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16}, Teredo) are refused whatever they carry.
 * Matching is the ipaddress library's ({@code com.github.seancfoley:ipaddress}).
 *
 * <p>Of these, loopback, private-use (RFC 1918), shared (RFC 6598) and unique-local blocks are
 * private networks, which an admin may allow a tenant's webhook to reach; link-local (cloud
 * metadata services live there), unspecified, broadcast, documentation and the rest never.
 * Update the CSV files from iana.org when the registries change.
 */
public final class SpecialPurposeAddresses {

    /** A block an address fell in: its prefix, the registry's name for it, and whether it is a private network. */
    public record Block(String prefix, String name, boolean privateNetwork) {}

    private static final Set<String> PRIVATE_NETWORKS = Set.of(
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "::1/128", "fc00::/7");

    /** The IPv6 Address Space registry's one range allocated as global unicast. */
    private static final IPAddress GLOBAL_UNICAST = new IPAddressString("2000::/3").getAddress();

    private static final List<Entry> BLOCKS = load();

    private record Entry(IPAddress block, Block described) {}

    private SpecialPurposeAddresses() {}

    /** The most specific special-purpose block the address is in, or empty for a public address. */
    public static Optional<Block> blockOf(InetAddress address) {
        IPAddress ip =
                new IPAddressString(address.getHostAddress()).getAddress().withoutPrefixLength();
        Block found = null;
        int foundLength = -1;
        for (Entry entry : BLOCKS) {
            if (entry.block.getIPVersion() == ip.getIPVersion()
                    && entry.block.contains(ip)
                    && entry.block.getPrefixLength() > foundLength) {
                found = entry.described;
                foundLength = entry.block.getPrefixLength();
            }
        }
        if (found == null && ip.isIPv6() && !GLOBAL_UNICAST.contains(ip)) {
            found = new Block("outside 2000::/3", "Not global unicast", false);
        }
        return Optional.ofNullable(found);
    }

    private static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        read("iana-ipv4-special-registry.csv", entries);
        read("iana-ipv6-special-registry.csv", entries);
        add(entries, "224.0.0.0/4", "Multicast");
        add(entries, "ff00::/8", "Multicast");
        return List.copyOf(entries);
    }

    private static void read(String file, List<Entry> entries) {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (var in = SpecialPurposeAddresses.class.getResourceAsStream(file);
                var parser = format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (CSVRecord row : parser) {
                // "192.0.0.170/32, 192.0.0.171/32", and footnote marks such as "192.0.0.0/24 [2]"
                for (String prefix :
                        row.get("Address Block").replaceAll("\\[\\d+]", "").split(",")) {
                    add(entries, prefix.strip(), row.get("Name"));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the special-purpose address registry " + file + " cannot be read", e);
        }
    }

    private static void add(List<Entry> entries, String prefix, String name) {
        IPAddress block = new IPAddressString(prefix).getAddress();
        if (block == null) {
            throw new IllegalStateException("not an address block in the special-purpose registry: " + prefix);
        }
        entries.add(new Entry(block.toPrefixBlock(), new Block(prefix, name, PRIVATE_NETWORKS.contains(prefix))));
    }
}
