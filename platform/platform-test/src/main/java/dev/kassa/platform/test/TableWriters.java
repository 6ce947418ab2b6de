package dev.kassa.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One writer per table: the classes of a service's sources whose SQL inserts, updates or deletes each table, and the JPA
 * entities mapped to one. A table has one writer: one class, or an entity together with the fragments of its Spring Data
 * repository ({@code CustomerRepository extends JpaRepository<Customer, Long>, CustomerCounters} makes
 * {@code CustomerCountersImpl} part of the same writer). Read from the sources because SQL is text to the compiler.
 */
public final class TableWriters {
    private TableWriters() {}

    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)\\s");
    private static final Pattern ENTITY_TABLE = Pattern.compile("@Table\\(\\s*name\\s*=\\s*\"(\\w+)\"");
    private static final Pattern FRAGMENTS = Pattern.compile(
            "interface\\s+(\\w+)\\s+extends\\s+JpaRepository<\\s*(\\w+)\\s*,[^>]*>\\s*((?:,\\s*\\w+\\s*)*)\\{");
    /** Words that follow "update" in prose and comments, or in a lock ({@code for update skip locked}), not table names. */
    private static final Set<String> NOT_TABLES =
            Set.of("set", "the", "a", "an", "it", "its", "of", "and", "or", "to", "skip", "nowait");

    /** The writers of each table under {@code sources} ({@code src/main/java} of a service), by simple class name. */
    public static Map<String, Set<String>> of(Path sources) {
        Map<String, Set<String>> writers = new TreeMap<>();
        files(sources).forEach((table, paths) -> writers.put(table, names(paths)));
        return writers;
    }

    /** The writers of each table under {@code sources}, by file: where each is ({@link TableReaders} reads its module). */
    static Map<String, Set<Path>> files(Path sources) {
        Map<String, Set<Path>> writers = new TreeMap<>();
        Map<String, String> entityOfFragment = new TreeMap<>();
        Map<String, String> tableOfEntity = new TreeMap<>();
        for (Path file : javaFiles(sources)) {
            String text = read(file);
            String name = className(file);
            Matcher write = WRITE.matcher(text);
            while (write.find()) {
                String table = write.group(1).toLowerCase();
                if (!NOT_TABLES.contains(table)) {
                    writers.computeIfAbsent(table, t -> new TreeSet<>()).add(file);
                }
            }
            Matcher entity = ENTITY_TABLE.matcher(text);
            if (entity.find()) {
                tableOfEntity.put(name, entity.group(1));
                writers.computeIfAbsent(entity.group(1), t -> new TreeSet<>()).add(file);
            }
            Matcher repository = FRAGMENTS.matcher(text);
            if (repository.find()) {
                for (String fragment : repository.group(3).split(",")) {
                    if (!fragment.isBlank()) {
                        entityOfFragment.put(fragment.trim() + "Impl", repository.group(2));
                    }
                }
            }
        }
        // a repository's fragment writes as its entity does
        writers.values().forEach(paths -> {
            for (String writer : names(paths)) {
                String entity = entityOfFragment.get(writer);
                if (entity != null
                        && tableOfEntity.containsKey(entity)
                        && names(paths).contains(entity)) {
                    paths.removeIf(f -> className(f).equals(writer));
                }
            }
        });
        return writers;
    }

    /** The tables under {@code sources} that more than one class writes, with their writers; empty when each has one. */
    public static List<String> shared(Path sources) {
        List<String> shared = new ArrayList<>();
        of(sources).forEach((table, classes) -> {
            if (classes.size() > 1) {
                shared.add("table " + table + " has more than one writer (one class writes a table: "
                        + "move the statements to the first): " + classes);
            }
        });
        return shared;
    }

    static List<Path> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            throw new IllegalArgumentException(
                    "no sources at " + sources.toAbsolutePath() + " (run from the module's directory)");
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(Set<Path> files) {
        return files.stream().map(TableWriters::className).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The simple name of the class a source file holds. */
    static String className(Path file) {
        return file.getFileName().toString().replace(".java", "");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
