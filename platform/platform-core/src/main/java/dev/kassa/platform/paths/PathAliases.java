package dev.kassa.platform.paths;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The original system's other spellings of Kassa's paths, declared once for every service and the gateway (issue 39):
 * controllers map each operation's canonical path (the spelling of the contract, {@code domain-spec.md}), and the
 * aliases live in one table, {@value #RESOURCE}, plus one rule that needs no table: in a path's literal words
 * {@code -} and {@code _} are the same ({@code cash_registers} is {@code cash-registers}).
 *
 * <p>Each line of the table is {@code [METHOD] canonical <- alias[, alias…]}; a canonical path ending in {@code /**}
 * is a prefix, so its aliases carry everything below it ({@code /api/sales/shifts/5/close} is
 * {@code /api/sales/sessions/5/close}). Aliases are compared with either separator; a rewritten path is looked up again,
 * so an alias may lead to a path that is itself an alias of another (at most {@value #MAX_STEPS} steps).
 */
public final class PathAliases {

    public static final String RESOURCE = "kassa/path-aliases.txt";

    private static final int MAX_STEPS = 3;

    /**
     * One alias: {@code alias} (a prefix when {@code prefix}) stands for {@code canonical} for the requests of
     * {@code method} (any when null). A whole segment {@code {name}} of the alias matches any segment and is put where
     * the canonical path has {@code {name}}.
     */
    private record Alias(String method, String alias, String canonical, boolean prefix, String[] segments) {

        Alias(String method, String alias, String canonical, boolean prefix) {
            this(method, alias, canonical, prefix, alias.split("/", -1));
        }

        /** The path this alias makes of the request's {@code segments}, or null when it does not apply. */
        String apply(String method, String[] segments) {
            if (this.method != null && !this.method.equals(method)) {
                return null;
            }
            String[] mine = this.segments;
            if (prefix ? segments.length < mine.length : segments.length != mine.length) {
                return null;
            }
            String path = canonical;
            for (int i = 1; i < mine.length; i++) {
                if (isVariable(mine[i])) {
                    path = path.replace(mine[i], segments[i]);
                } else if (!loose(mine[i]).equals(loose(segments[i]))) {
                    return null;
                }
            }
            StringBuilder rewritten = new StringBuilder(path);
            for (int i = mine.length; i < segments.length; i++) {
                rewritten.append('/').append(segments[i]);
            }
            return rewritten.toString();
        }
    }

    static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private final List<Alias> aliases;

    private PathAliases(List<Alias> aliases) {
        this.aliases = List.copyOf(aliases);
    }

    /** The table on the class path ({@value #RESOURCE}). */
    public static PathAliases load() {
        InputStream in = PathAliases.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table from its lines (blank lines and {@code #} comments skipped). */
    public static PathAliases parse(List<String> lines) {
        List<Alias> aliases = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf("<-");
            if (arrow < 0) {
                throw new IllegalArgumentException("no '<-' in path alias line: " + raw);
            }
            String[] left = line.substring(0, arrow).strip().split("\\s+");
            String method = left.length == 2 ? left[0].toUpperCase(Locale.ROOT) : null;
            String canonical = left[left.length - 1];
            boolean prefix = canonical.endsWith("/**");
            if (prefix) {
                canonical = canonical.substring(0, canonical.length() - 3);
            }
            for (String alias : line.substring(arrow + 2).split(",")) {
                String path = alias.strip();
                if (prefix != path.endsWith("/**")) {
                    throw new IllegalArgumentException("a prefix stands only for a prefix: " + raw);
                }
                aliases.add(new Alias(method, prefix ? path.substring(0, path.length() - 3) : path, canonical, prefix));
            }
        }
        return new PathAliases(aliases);
    }

    /** The path with {@code _} for {@code -}: two spellings of one path have the same loose form. */
    public static String loose(String path) {
        return path.replace('_', '-');
    }

    /**
     * The canonical path of the table for a request ({@code path} without its trailing slash), or {@code path} itself
     * when no alias applies. Separators in words the table does not name are left as they are.
     */
    public String resolve(String method, String path) {
        String current = path;
        for (int step = 0; step < MAX_STEPS; step++) {
            String next = once(method, current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private String once(String method, String path) {
        String[] segments = path.split("/", -1);
        for (Alias alias : aliases) {
            String rewritten = alias.apply(method, segments);
            if (rewritten != null) {
                return rewritten;
            }
        }
        return null;
    }

    /**
     * Every other spelling the table and the separator rule give {@code canonical} for {@code method}'s requests (for
     * the published spec): the table's aliases that lead to it, each with all its words joined by {@code -} and by
     * {@code _}.
     */
    public Set<String> spellingsOf(String method, String canonical) {
        Set<String> found = new LinkedHashSet<>();
        collect(method, canonical, found, 0);
        Set<String> spellings = new LinkedHashSet<>();
        for (String path : found) {
            spellings.add(path);
            spellings.add(respelled(path, '_', '-'));
            spellings.add(respelled(path, '-', '_'));
        }
        spellings.remove(canonical);
        return spellings;
    }

    private void collect(String method, String canonical, Set<String> found, int depth) {
        found.add(canonical);
        if (depth >= MAX_STEPS) {
            return;
        }
        for (Alias alias : aliases) {
            if (alias.method != null && !alias.method.equals(method)) {
                continue;
            }
            String aliased = null;
            if (alias.prefix) {
                if (canonical.equals(alias.canonical) || canonical.startsWith(alias.canonical + "/")) {
                    aliased = alias.alias + canonical.substring(alias.canonical.length());
                }
            } else if (canonical.equals(alias.canonical)) {
                aliased = alias.alias;
            }
            if (aliased != null && !found.contains(aliased)) {
                collect(method, aliased, found, depth + 1);
            }
        }
    }

    /** The path with {@code to} for {@code from} in its literal words (not in {@code {variables}}). */
    static String respelled(String path, char from, char to) {
        StringBuilder out = new StringBuilder(path.length());
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            out.append(c == from && depth == 0 ? to : c);
        }
        return out.toString();
    }
}
