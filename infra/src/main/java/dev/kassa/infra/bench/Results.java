package dev.kassa.infra.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A measuring run's table: each figure and whether it met its target, printed as it comes, then all together. */
final class Results {

    private final Map<String, String> table = new LinkedHashMap<>();
    private final List<String> missed = new ArrayList<>();

    /** Adds a row and prints it; a row whose target was not {@code met} is marked and counted as missed. */
    void row(String what, String value, boolean met) {
        table.put(what, value + (met ? "" : "   ← MISSED"));
        if (!met) {
            missed.add(what);
        }
        System.out.println("  " + what + ": " + value + (met ? "" : "   ← MISSED"));
    }

    /** The rows that missed their targets, in order. */
    List<String> missed() {
        return Collections.unmodifiableList(missed);
    }

    /** The process's exit status: 0 when every target was met, otherwise 1. */
    int exitStatus() {
        return missed.isEmpty() ? 0 : 1;
    }

    /** Prints a run's rows under its title, one a line, then whether every target was met (the failover run's table). */
    void printUnder(String title) {
        System.out.println();
        System.out.println(title);
        table.forEach((what, value) -> System.out.printf("  %-86s %s%n", what, value));
        System.out.println(missed.isEmpty() ? "Every target met." : "Missed: " + missed);
    }

    /** Prints the benchmark's table: every row aligned, then whether every target was met. */
    void print() {
        int width = table.keySet().stream().mapToInt(String::length).max().orElse(10);
        System.out.println();
        System.out.println("Kassa benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, everything on one machine)");
        System.out.println("-".repeat(width + 40));
        table.forEach((k, v) -> System.out.printf("%-" + width + "s  %s%n", k, v));
        System.out.println("-".repeat(width + 40));
        System.out.println(missed.isEmpty() ? "Every target met." : missed.size() + " target(s) missed.");
    }
}
