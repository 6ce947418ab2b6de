package dev.kassa.platform.web;

import dev.kassa.platform.paths.PathAliases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The separator rule of {@link PathAliases}: a request whose literal words differ from one of the service's mapped
 * paths only in {@code -} against {@code _} is given the mapped spelling ({@code /api/sales/sales/5/add-item} is
 * {@code /api/sales/sales/5/add_item}); the values of path variables are kept as sent. Of several mapped paths a
 * request could be, the one with the fewest variables wins, as in Spring's own matching.
 */
final class CanonicalSpellings {

    /** A mapped path cut into its segments; a variable segment is a whole {@code {name}}. */
    private record Mapped(List<String> segments, int variables) {

        boolean fits(String[] request) {
            for (int i = 0; i < request.length; i++) {
                String segment = segments.get(i);
                if (!isVariable(segment) && !PathAliases.loose(segment).equals(PathAliases.loose(request[i]))) {
                    return false;
                }
            }
            return true;
        }

        String spell(String[] request) {
            StringBuilder path = new StringBuilder();
            for (int i = 1; i < request.length; i++) {
                String segment = segments.get(i);
                path.append('/').append(isVariable(segment) ? request[i] : segment);
            }
            return path.toString();
        }
    }

    /** Paths without variables, by their loose spelling. */
    private final Map<String, String> literal = new HashMap<>();
    /** Paths with variables, by their number of segments. */
    private final Map<Integer, List<Mapped>> withVariables = new HashMap<>();

    /** @param mapped the service's mapped path patterns (catch-all and partial-segment patterns are left alone) */
    CanonicalSpellings(Collection<String> mapped) {
        for (String pattern : mapped) {
            if (pattern.contains("*") || !pattern.startsWith("/")) {
                continue;
            }
            List<String> segments = List.of(pattern.split("/", -1));
            int variables = 0;
            boolean plain = true;
            for (String segment : segments) {
                if (isVariable(segment)) {
                    variables++;
                } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                    plain = false;
                }
            }
            if (!plain) {
                continue;
            }
            if (variables == 0) {
                literal.putIfAbsent(PathAliases.loose(pattern), pattern);
            } else {
                withVariables
                        .computeIfAbsent(segments.size(), n -> new ArrayList<>())
                        .add(new Mapped(segments, variables));
            }
        }
    }

    /** The mapped spelling of {@code path}, or {@code path} itself when it has none or is spelled so already. */
    String of(String path) {
        if (path.indexOf('-') < 0 && path.indexOf('_') < 0) {
            return path;
        }
        String exact = literal.get(PathAliases.loose(path));
        if (exact != null) {
            return exact;
        }
        String[] request = path.split("/", -1);
        Mapped best = null;
        for (Mapped mapped : withVariables.getOrDefault(request.length, List.of())) {
            if ((best == null || mapped.variables() < best.variables()) && mapped.fits(request)) {
                best = mapped;
            }
        }
        if (best == null) {
            return path;
        }
        String spelled = best.spell(request);
        return spelled.equals(path) ? path : spelled;
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2
                && segment.charAt(0) == '{'
                && segment.charAt(segment.length() - 1) == '}'
                && segment.indexOf('{', 1) < 0;
    }
}
