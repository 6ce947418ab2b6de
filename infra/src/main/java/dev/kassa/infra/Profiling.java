package dev.kassa.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A profiled run ({@code KASSA_PROFILE_DIR}): a flight recording of each JVM and PostgreSQL's statement statistics,
 * written into that folder when the suite stops.
 */
final class Profiling {

    private Profiling() {}

    /** Whether this run is profiled. */
    static boolean enabled() {
        return dir() != null;
    }

    /** {@code KASSA_PROFILE_DIR}, where a profiled run leaves its recordings; null when the run is not profiled. */
    private static Path dir() {
        String dir = System.getenv("KASSA_PROFILE_DIR");
        return dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath();
    }

    /** The JVM flag that records a module's whole run when profiled (none otherwise). */
    static List<String> flightRecording(String module) {
        if (!enabled()) {
            return List.of();
        }
        // a flight recording of the whole run per process, written when it stops (JFR attached later costs a loaded
        // two-core machine seconds of class loading and compilation in the middle of the measurement)
        SuiteFiles.mkdirs(dir());
        return List.of(
                "-XX:StartFlightRecording=settings=default,dumponexit=true,filename=" + dir().resolve(module + ".jfr"));
    }

    /**
     * Writes the statements PostgreSQL ran in this run to {@code postgresql-statements.tsv}, most total time first:
     * database, calls, total and mean ms, rows, text.
     */
    static void writeStatementStatistics(String jdbcBase, String user, String password) {
        Path file = dir().resolve("postgresql-statements.tsv");
        String sql =
                """
                select d.datname, s.calls, round(s.total_exec_time::numeric, 1), round(s.mean_exec_time::numeric, 3),
                       s.rows, regexp_replace(s.query, '\\s+', ' ', 'g')
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                order by s.total_exec_time desc limit 300""";
        StringBuilder out = new StringBuilder("database\tcalls\ttotal_ms\tmean_ms\trows\tstatement\n");
        try (Connection c = DriverManager.getConnection(jdbcBase + "/postgres", user, password);
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                for (int i = 1; i <= 6; i++) {
                    out.append(rs.getString(i)).append(i < 6 ? '\t' : '\n');
                }
            }
            SuiteFiles.mkdirs(file.getParent());
            SuiteFiles.write(file, out.toString());
        } catch (SQLException e) {
            System.err.println("PostgreSQL's statement statistics could not be read: " + e.getMessage());
        }
    }
}
