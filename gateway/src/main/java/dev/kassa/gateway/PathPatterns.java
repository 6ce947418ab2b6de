package dev.kassa.gateway;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Collection;
import java.util.List;

/**
 * A fixed list of path patterns, parsed once into Spring's {@link PathPattern}s: the gateway's own filters ask on every
 * request whether a path is public, tenantless or rate-limited, and {@code AntPathMatcher} tokenised each pattern and the
 * path again for every one of them (2.9 % of the gateway's CPU under load in a flight recording).
 */
final class PathPatterns {

    private final List<PathPattern> patterns;

    PathPatterns(Collection<String> patterns) {
        this.patterns =
                patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    boolean matches(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : patterns) {
            if (pattern.matches(container)) {
                return true;
            }
        }
        return false;
    }
}
