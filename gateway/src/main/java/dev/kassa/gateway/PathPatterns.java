package dev.kassa.gateway;

import dev.kassa.platform.paths.PathAliases;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Collection;
import java.util.List;

/**
 * A fixed list of path patterns, parsed once into Spring's {@link PathPattern}s: the gateway's own filters ask on every
 * request whether a path is public, tenantless or rate-limited, and {@code AntPathMatcher} tokenised each pattern and the
 * path again for every one of them (2.9 % of the gateway's CPU under load in a flight recording). As in the services
 * ({@link PathAliases}), {@code -} and {@code _} are the same in a path's words, so a list names each path once.
 * <p>
 * A pattern is only asked about a path that starts with its literal beginning (up to its first variable or wildcard):
 * a till's calls match none of the public or tenantless paths, and asking every pattern cost each call a parsed path and
 * a matching context per pattern (6 % of the gateway's allocation under load in a flight recording).
 */
final class PathPatterns {

    private record Candidate(String prefix, PathPattern pattern) {}

    private final List<Candidate> patterns;

    PathPatterns(Collection<String> patterns) {
        this.patterns = patterns.stream()
                .map(PathAliases::loose)
                .map(p -> new Candidate(literalPrefix(p), PathPatternParser.defaultInstance.parse(p)))
                .toList();
    }

    boolean matches(String path) {
        String loose = PathAliases.loose(path);
        PathContainer container = null;
        for (Candidate candidate : patterns) {
            if (loose.startsWith(candidate.prefix())) {
                if (container == null) {
                    container = PathContainer.parsePath(loose);
                }
                if (candidate.pattern().matches(container)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The segments of a pattern before the one with its first variable or wildcard, without the separator after them:
     * every path it matches starts with it ({@code /api-docs/**} matches {@code /api-docs} too).
     */
    static String literalPrefix(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        int slash = end == 0 ? -1 : pattern.lastIndexOf('/', end - 1);
        return slash <= 0 ? "" : pattern.substring(0, slash);
    }
}
