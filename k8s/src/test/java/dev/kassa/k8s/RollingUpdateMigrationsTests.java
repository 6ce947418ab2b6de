package dev.kassa.k8s;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling update runs the previous release beside the new one on the same database: every migration (public schema
 * and store schemas, of every service and the platform) must keep the previous release working, so it only adds
 * (expand). Dropping or renaming a table or a column, changing a column's type or making a column NOT NULL without a
 * default breaks the pods of the previous release still running; such a step (contract) ships a release later, once no
 * running release reads or writes what it removes, in a file that says so in a line {@code -- contract: <why the
 * previous release no longer needs it>} (docs/operations.md, "Rolling updates and migrations").
 */
class RollingUpdateMigrationsTests {

    static final Path ROOT = ManifestsTests.K8S.getParent();

    /** Written before the first release, when no previous release ran beside them; never edited (Flyway's checksums). */
    static final Set<String> BEFORE_THE_FIRST_RELEASE = Set.of(
            "analytics-service/src/main/resources/db/tenant/V4__products_inventory_shifts.sql",
            "task-service/src/main/resources/db/tenant/V2__workflow_comments.sql");

    static final List<Pattern> BREAKING = List.of(
            Pattern.compile("\\bdrop\\s+(table|column)\\b"),
            Pattern.compile("\\balter\\s+table\\s+\\S+\\s+drop\\s+(?!constraint|default|not\\s+null)"),
            Pattern.compile("\\brename\\s+(column\\s+)?\\S+\\s+to\\b"),
            Pattern.compile("\\brename\\s+to\\b"),
            Pattern.compile("\\balter\\s+column\\s+\\S+\\s+(set\\s+data\\s+)?type\\b"),
            Pattern.compile("\\balter\\s+column\\s+\\S+\\s+set\\s+not\\s+null\\b"),
            Pattern.compile(
                    "\\badd\\s+column\\s+(if\\s+not\\s+exists\\s+)?\\S+\\s+[^,;]*\\bnot\\s+null\\b(?![^,;]*\\bdefault\\b)"));

    static List<Path> migrations() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT, 8)) {
            files.filter(f -> f.toString().endsWith(".sql"))
                    .filter(f -> ROOT.relativize(f)
                            .toString()
                            .matches("([a-z-]+/)+src/main/resources/db/[a-z]+/V[^/]+\\.sql"))
                    .sorted()
                    .forEach(all::add);
        }
        return all;
    }

    @Test
    void everyMigrationKeepsThePreviousReleaseWorking() throws IOException {
        List<Path> files = migrations();
        assertThat(files).as("migrations found").hasSizeGreaterThan(30);
        List<String> breaking = new ArrayList<>();
        for (Path file : files) {
            String name = ROOT.relativize(file).toString();
            String text = Files.readString(file);
            if (BEFORE_THE_FIRST_RELEASE.contains(name) || text.lines().anyMatch(l -> l.startsWith("-- contract: "))) {
                continue;
            }
            String sql = text.lines()
                    .map(l -> l.replaceAll("--.*$", ""))
                    .reduce("", (a, b) -> a + " " + b)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("\\s+", " ");
            for (Pattern p : BREAKING) {
                var m = p.matcher(sql);
                if (m.find()) {
                    breaking.add(name + ": " + m.group());
                }
            }
        }
        assertThat(breaking)
                .as(
                        "migrations that break the previous release during a rolling update (expand now, contract a release "
                                + "later in a file with '-- contract: …')")
                .isEmpty();
    }

    @Test
    void theRuleSeesWhatBreaksAndLetsAdditionsThrough() {
        List<String> breaking = List.of(
                "alter table sales drop column notes;",
                "drop table holds;",
                "alter table sales rename column notes to remarks;",
                "alter table sales rename to tickets;",
                "alter table sales alter column total type numeric(14,2);",
                "alter table tasks alter column assigned_user set not null;",
                "alter table sales add column till text not null;");
        List<String> additive = List.of(
                "alter table sales add column till text not null default '';",
                "alter table sales add column till text;",
                "create index sales_till on sales (till);",
                "alter table sales drop constraint sales_total_check;",
                "alter table sales alter column notes drop not null;",
                "alter table sales alter column notes set default '';");
        for (String sql : breaking) {
            assertThat(BREAKING.stream().anyMatch(p -> p.matcher(sql).find()))
                    .as(sql)
                    .isTrue();
        }
        for (String sql : additive) {
            assertThat(BREAKING.stream().noneMatch(p -> p.matcher(sql).find()))
                    .as(sql)
                    .isTrue();
        }
    }
}
