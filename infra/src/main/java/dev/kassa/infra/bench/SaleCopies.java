package dev.kassa.infra.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A store's sales history made in the database at once (the export's benchmark): one sale copied {@code n} times with
 * its lines and payments, every column as the original has it but the keys, and the columns a unique index holds
 * suffixed with the copy's number, so that each copy is a sale of its own.
 */
final class SaleCopies {

    private SaleCopies() {}

    static void copy(Connection c, String schema, long template, int n) throws SQLException {
        String bare = schema.replace("\"", "");
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table copy_numbers as select g from generate_series(1, " + n + ") g");
            s.execute("insert into " + schema + ".sales (" + String.join(", ", columns(c, bare, "sales"))
                    + ") select " + String.join(", ", values(c, bare, "sales", "g")) + " from " + schema
                    + ".sales t, copy_numbers where t.id = " + template);
            for (String child : List.of("sale_items", "payments")) {
                List<String> columns = columns(c, bare, child);
                List<String> values = values(c, bare, child, "copy.id");
                values.set(columns.indexOf("sale_id"), "copy.id");
                s.execute("insert into " + schema + "." + child + " (" + String.join(", ", columns) + ") select "
                        + String.join(", ", values) + " from " + schema + "." + child + " t, " + schema
                        + ".sales copy where t.sale_id = " + template + " and copy.id > " + template);
            }
            s.execute("drop table copy_numbers");
            s.execute("analyze " + schema + ".sales");
        }
    }

    /** The table's columns but its generated key. */
    private static List<String> columns(Connection c, String schema, String table) throws SQLException {
        return typed(c, schema, table).stream().map(t -> t[0]).toList();
    }

    /** Each column but {@code id} with its type. */
    private static List<String[]> typed(Connection c, String schema, String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (var ps = c.prepareStatement(
                "select column_name, data_type from information_schema.columns where table_schema = ? and table_name = ? "
                        + "and column_name <> 'id' order by ordinal_position")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return columns;
    }

    /**
     * What each column of a copy holds: the original's value, but where a unique index wants it different a new UUID
     * or the text with the copy's {@code number} added.
     */
    private static List<String> values(Connection c, String schema, String table, String number) throws SQLException {
        List<String> unique = new ArrayList<>();
        try (var ps = c.prepareStatement(
                """
                select a.attname from pg_index i join pg_class t on t.oid = i.indrelid
                join pg_namespace ns on ns.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey)
                where ns.nspname = ? and t.relname = ? and i.indisunique and not i.indisprimary
                """)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unique.add(rs.getString(1));
                }
            }
        }
        List<String> values = new ArrayList<>();
        for (String[] column : typed(c, schema, table)) {
            String name = column[0];
            String type = column[1];
            if (!unique.contains(name)) {
                values.add("t." + name);
            } else if (type.equals("uuid")) {
                values.add("case when t." + name + " is null then null else gen_random_uuid() end");
            } else if (type.contains("char") || type.equals("text")) {
                values.add(
                        "case when t." + name + " is null then null else t." + name + " || '-' || " + number + " end");
            } else {
                values.add("t." + name);
            }
        }
        return values;
    }
}
