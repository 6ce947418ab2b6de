package dev.kassa.platform.data;

/** SQL {@code LIKE} patterns from user search text: the wildcards a user types are matched literally. */
public final class LikePatterns {

    private LikePatterns() {}

    /** {@code %text%} with {@code \}, {@code %} and {@code _} escaped; null for no search. */
    public static String contains(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        return "%" + escape(search.trim()) + "%";
    }

    /** {@code prefix%} with the prefix's {@code \}, {@code %} and {@code _} escaped (used with {@code escape '\'}). */
    public static String startsWith(String prefix) {
        return escape(prefix) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
