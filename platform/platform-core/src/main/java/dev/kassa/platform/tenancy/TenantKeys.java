package dev.kassa.platform.tenancy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for tenant keys and schema names (brief §3). A tenant key is {@code <slug>_<8 hex>};
 * the schema is {@code tenant_<slug>} with {@code -} replaced by {@code _}. Nothing from a header
 * reaches SQL without passing {@link #isValidKey(String)}, and schema names are always quoted.
 */
public final class TenantKeys {
    private TenantKeys() {}

    /** Slugs: lowercase letter first, then letters, digits, '_' or '-', at most 56 characters (schema ≤ 63). */
    public static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9_-]{0,55}$");

    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_-]{0,55}_[0-9a-f]{8}$");
    public static final Pattern SCHEMA = Pattern.compile("^tenant_[a-z][a-z0-9_]{0,55}$");

    /**
     * The store every service warms its hot paths up against before it takes calls (platform's warm-up): its schema is
     * reserved, so no store can be opened on it ({@link #isReservedSchema}).
     */
    public static final String WARM_UP_KEY = "kassa-warm-up_00000000";

    /** Whether a schema belongs to no store a user may open (the warm-up store's). */
    public static boolean isReservedSchema(String schema) {
        return schemaOf(WARM_UP_KEY).equals(schema);
    }

    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    public static String slugOf(String tenantKey) {
        requireValidKey(tenantKey);
        return tenantKey.substring(0, tenantKey.length() - 9);
    }

    public static String schemaForSlug(String slug) {
        if (!isValidSlug(slug)) {
            throw new IllegalArgumentException("invalid slug");
        }
        return "tenant_" + slug.replace('-', '_');
    }

    public static String schemaOf(String tenantKey) {
        return schemaForSlug(slugOf(tenantKey));
    }

    public static Optional<String> validKey(String candidate) {
        return isValidKey(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** Quotes a schema name for SQL after checking it against the strict pattern. */
    public static String quotedSchema(String schema) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("invalid schema name");
        }
        return '"' + schema + '"';
    }

    private static void requireValidKey(String key) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("invalid tenant key");
        }
    }
}
