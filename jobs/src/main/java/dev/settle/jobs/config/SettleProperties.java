package dev.settle.jobs.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settle's own configuration ({@code settle.*}).
 *
 * @param businessZone the zone business dates are counted in (default UTC)
 * @param workDirectory where inbound files are downloaded and outbound files written
 * @param node this node's name, shown as the lock holder (default: host name)
 */
@ConfigurationProperties(prefix = "settle")
public record SettleProperties(String businessZone, String workDirectory, String node, List<SourceProperties> sources) {

    public SettleProperties {
        businessZone = businessZone == null ? "UTC" : businessZone;
        workDirectory = workDirectory == null ? System.getProperty("java.io.tmpdir") + "/settle-work" : workDirectory;
        node = node == null ? hostName() : node;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public ZoneId zone() {
        return ZoneId.of(businessZone);
    }

    public Path workPath() {
        return Path.of(workDirectory);
    }

    public SourceProperties source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source '" + name + "'; configured: "
                        + sources.stream().map(SourceProperties::name).toList()));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
