package dev.kassa.catalog.catalogue.entry;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Slugs for categories and products: transliteration of spec §3.2.1, then lowercase ASCII words joined by '-'. */
public final class Slugify {
    private Slugify() {}

    private static final String[] FROM = {
        "а", "б", "в", "г", "д", "е", "ё", "ж", "з", "и", "й", "к", "л", "м", "н", "о", "п", "р", "с", "т", "у", "ф",
        "х", "ц", "ч", "ш", "щ", "ъ", "ы", "ь", "э", "ю", "я"
    };
    private static final String[] TO = {
        "a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
        "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
    };
    private static final Map<String, String> TABLE = table();

    public static String of(String text) {
        StringBuilder latin = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            latin.append(TABLE.getOrDefault(String.valueOf(c), String.valueOf(c)));
        }
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 180 ? slug.substring(0, 180) : slug;
    }

    private static Map<String, String> table() {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < FROM.length; i++) {
            m.put(FROM[i], TO[i]);
        }
        return Map.copyOf(m);
    }
}
