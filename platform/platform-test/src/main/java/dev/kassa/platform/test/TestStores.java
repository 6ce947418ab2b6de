package dev.kassa.platform.test;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh store keys, so tests sharing one database never meet each other's data. */
public final class TestStores {
    private TestStores() {}

    /**
     * A valid, unused tenant key: {@code <prefix><8 letters>_<8 hex>}. The letters spell the hex one to one
     * (0–9 → g–p), so two keys never share a slug, and with it a schema, unless their hex is the same.
     */
    public static String newKey(String prefix) {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        String hex = HexFormat.of().formatHex(b);
        StringBuilder letters = new StringBuilder();
        hex.chars().forEach(c -> letters.append((char) (c <= '9' ? 'g' + (c - '0') : c)));
        return prefix + letters + "_" + hex;
    }

    /** The store's schema name, quoted for SQL in tests. */
    public static String schema(String tenantKey) {
        return "\"tenant_" + tenantKey.substring(0, tenantKey.length() - 9).replace('-', '_') + "\"";
    }
}
