package dev.payments.platform.http;

import io.smallrye.config.ConfigMapping;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client a request comes from, which per-client limits count against. Behind proxies the connection
 * comes from the nearest proxy: when that one is trusted, X-Forwarded-For is read from its right end (what the nearest
 * proxy appended) leftwards, past every trusted proxy, to the first address that is not one. Entries further left were
 * written by the client itself and are never believed.
 */
@ApplicationScoped
public class ClientAddress {

    @ConfigMapping(prefix = "payments.http")
    public interface Proxies {

        /**
         * PAYMENTS_HTTP_TRUSTED_PROXIES: the proxies whose X-Forwarded-For is believed, as addresses or CIDR ranges
         * (127.0.0.1,10.0.0.0/8); none by default.
         */
        Optional<List<String>> trustedProxies();
    }

    private static final String UNKNOWN = "unknown";

    private final List<Range> trusted = new ArrayList<>();

    ClientAddress(Proxies proxies) {
        proxies.trustedProxies().orElse(List.of()).forEach(entry -> trusted.add(Range.parse(entry)));
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? UNKNOWN : request.remoteAddress().hostAddress();
        return resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    String resolve(String peer, List<String> forwardedFor) {
        String client = peer;
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> hops.addAll(List.of(header.split(","))));
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            String hop = hops.get(i).trim();
            if (address(hop).isEmpty()) {
                break; // not an address: no trusted proxy wrote that, so the last believed one is the client
            }
            client = hop;
        }
        return client;
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> parsed = address(address);
        return parsed.isPresent() && trusted.stream().anyMatch(range -> range.contains(parsed.get()));
    }

    /** An address literal; never a host name, which would be looked up. */
    private static Optional<InetAddress> address(String literal) {
        try {
            String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1)
                    : literal;
            return Optional.of(InetAddress.ofLiteral(bare));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            String[] parts = entry.trim().split("/", 2);
            byte[] network = address(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "payments.http.trusted-proxies: not an address or a CIDR range: " + entry)).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("payments.http.trusted-proxies: bad prefix length in " + entry);
            }
            return new Range(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
