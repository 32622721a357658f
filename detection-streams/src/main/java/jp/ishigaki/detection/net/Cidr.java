package jp.ishigaki.detection.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR notation. Parsing never touches DNS: only literal addresses are accepted.
 */
public record Cidr(byte[] network, int prefixLength, String text) {

    /** Parses {@code 10.10.4.0/24}, {@code 192.168.1.7} (a /32) or an IPv6 literal with a prefix. */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = IpAddresses.parse(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP network in CIDR notation");
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
        }
        return new Cidr(mask(bytes, prefix), prefix, trimmed);
    }

    /** True when the literal address lies inside this network; non-addresses never match. */
    public boolean contains(String address) {
        byte[] bytes = IpAddresses.parse(address);
        return bytes != null && contains(bytes);
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int m = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & m) == (network[full] & 0xFF);
    }

    static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & ((0xFF << (8 - bitsHere)) & 0xFF));
        }
        return out;
    }

    /** The network as a number (for ordering and hashing). */
    public BigInteger asNumber() {
        return new BigInteger(1, network);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Literal IP address parsing without name resolution. */
    public static final class IpAddresses {
        private IpAddresses() {
        }

        /** The address bytes (4 or 16), or {@code null} when the text is not a literal IP address. */
        public static byte[] parse(String text) {
            if (text == null || text.isEmpty()) {
                return null;
            }
            if (text.indexOf(':') >= 0) {
                return parseV6(text);
            }
            return parseV4(text);
        }

        /** An IPv4 literal as an int, or -1L when it is not one (returned as long to keep -1 distinct). */
        public static long parseV4AsLong(String text) {
            byte[] b = parseV4(text);
            if (b == null) {
                return -1L;
            }
            return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        }

        private static byte[] parseV4(String text) {
            byte[] out = new byte[4];
            int part = 0;
            int value = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    value = (value < 0 ? 0 : value * 10) + (c - '0');
                    if (value > 255) {
                        return null;
                    }
                } else if (c == '.') {
                    if (value < 0 || part == 3) {
                        return null;
                    }
                    out[part++] = (byte) value;
                    value = -1;
                } else {
                    return null;
                }
            }
            if (value < 0 || part != 3) {
                return null;
            }
            out[3] = (byte) value;
            return out;
        }

        private static byte[] parseV6(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!ok) {
                    return null;
                }
            }
            try {
                // A literal containing ':' is never resolved by InetAddress.
                byte[] bytes = InetAddress.getByName(text).getAddress();
                return bytes.length == 16 ? bytes : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
