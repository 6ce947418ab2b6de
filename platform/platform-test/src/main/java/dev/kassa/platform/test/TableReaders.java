package dev.kassa.platform.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module reads another's tables only through its API: a table belongs to the module of its {@link TableWriters
 * writer}, and a class of another module that selects from it or joins it reads it behind the owner's back (the house
 * style: "a module's tables are read only through its API"). A module is the first package under the service's base
 * package ({@code sales.kitchen}, {@code catalog.inventory}). An owner may publish some of its tables for reading (a
 * view others may select from), named per module. Read from the SQL in the sources' string literals (comments and
 * prose are not SQL); only the tables some class of the service writes count, so a word after "from" that is no table
 * ({@code extract(epoch from t.ready_at)}) is none.
 */
public final class TableReaders {
    private TableReaders() {}

    private static final Pattern READ =
            Pattern.compile("(?i)\\b(?:from|join)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)\\b");

    /** The schema every store shares ({@code public.table_links}); its tables are named with or without it. */
    private static final String SHARED_SCHEMA = "public.";

    /**
     * The classes under {@code sources} ({@code src/main/java} of a service) that read a table of another module of
     * {@code basePackage} which that module does not publish ({@code published}: the tables each module lets others
     * read, by module), each with the table and its owner; empty when every module reads only its own tables.
     */
    public static List<String> foreign(Path sources, String basePackage, Map<String, Set<String>> published) {
        Path base = sources.resolve(Path.of("", basePackage.split("\\.")));
        Map<String, Set<String>> owners = new TreeMap<>();
        TableWriters.files(base).forEach((written, writers) -> {
            for (Path writer : writers) {
                owners.computeIfAbsent(table(written), t -> new TreeSet<>()).add(module(base, writer, basePackage));
            }
        });
        Set<String> found = new TreeSet<>();
        for (Path file : TableWriters.javaFiles(base)) {
            String module = module(base, file, basePackage);
            Matcher read = READ.matcher(sql(TableWriters.read(file)));
            while (read.find()) {
                String table = table(read.group(1).toLowerCase());
                Set<String> owner = owners.get(table);
                if (owner != null
                        && !owner.contains(module)
                        && owner.stream()
                                .noneMatch(
                                        o -> published.getOrDefault(o, Set.of()).contains(table))) {
                    String name = String.join(" and ", owner);
                    found.add("class " + TableWriters.className(file) + " (module " + module + ") reads table " + table
                            + " of module " + name + ": read it through " + name + "'s API");
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** The module of a source file: the first package under the base package (the base package for its own classes). */
    static String module(Path base, Path file, String basePackage) {
        Path relative = base.relativize(file);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : basePackage;
    }

    /** A table's name without the shared schema. */
    private static String table(String name) {
        return name.startsWith(SHARED_SCHEMA) ? name.substring(SHARED_SCHEMA.length()) : name;
    }

    /**
     * The string literals and text blocks of a Java source, one a line: where its SQL is. Comments and character
     * literals are skipped.
     */
    static String sql(String source) {
        StringBuilder literals = new StringBuilder();
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !source.startsWith("\"\"\"", end)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                literals.append(source, i + 3, Math.min(end, n)).append('\n');
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.append(source, i + 1, Math.min(end, n)).append('\n');
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals.toString();
    }
}
