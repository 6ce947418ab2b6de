package dev.kassa.auth.registration;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Store slugs from (often Cyrillic) names: transliteration by the table of spec §3.2.1, then
 * lowercase ASCII with '-' between words, always starting with a letter and short enough for a
 * PostgreSQL schema name ({@code Супермаркет Азия} → {@code supermarket-aziya}).
 */
final class Slugs {
    private Slugs() {}

    static final int MAX_BASE = 50;

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "yo"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "y"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', ""),
            Map.entry('ы', "y"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "yu"),
            Map.entry('я', "ya"),
            // Uzbek Cyrillic letters
            Map.entry('ў', "o"),
            Map.entry('қ', "q"),
            Map.entry('ғ', "g"),
            Map.entry('ҳ', "h"));

    static String fromName(String name) {
        StringBuilder latin = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            latin.append(CYRILLIC.getOrDefault(c, String.valueOf(c)));
        }
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = slug.isEmpty() ? "store" : "store-" + slug;
        }
        if (slug.length() > MAX_BASE) {
            slug = slug.substring(0, MAX_BASE).replaceAll("-+$", "");
        }
        return slug;
    }
}
