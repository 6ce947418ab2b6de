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
 */
final class PathPatterns {

    private final List<PathPattern> patterns;

    PathPatterns(Collection<String> patterns) {
        this.patterns = patterns.stream()
                .map(PathAliases::loose)
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    boolean matches(String path) {
        PathContainer container = PathContainer.parsePath(PathAliases.loose(path));
        for (PathPattern pattern : patterns) {
            if (pattern.matches(container)) {
                return true;
            }
        }
        return false;
    }
}
