package dev.kassa.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Measures the suite's processes from {@code /proc}: CPU time, the JIT compilers' part of it, resident memory. */
public final class ProcessMeter {

    private final Map<String, Process> byName;
    private final Supplier<Path> embeddedPostgresData;

    /**
     * @param byName               the suite's processes by name, a live view
     * @param embeddedPostgresData the embedded PostgreSQL's data directory while it runs, null when there is none
     */
    ProcessMeter(Map<String, Process> byName, Supplier<Path> embeddedPostgresData) {
        this.byName = byName;
        this.embeddedPostgresData = embeddedPostgresData;
    }

    /** Resident memory (MB, proportional set size) of this JVM and every process it started, with their children (PostgreSQL backends). */
    public long residentMegabytes() {
        return Stream.concat(
                                Stream.of(ProcessHandle.current()),
                                ProcessHandle.current().descendants())
                        .mapToLong(p -> residentKb(p.pid()))
                        .sum()
                / 1024;
    }

    /** Resident memory (MB, proportional set size) of each process the suite started, by name (PostgreSQL with its backends). */
    public Map<String, Long> residentMegabytesByProcess() {
        Map<String, Long> result = new LinkedHashMap<>();
        byProcess(pid -> residentKb(pid)).forEach((name, kb) -> result.put(name, kb / 1024));
        return result;
    }

    /** CPU time (user and system, in clock ticks of 10 ms) each process the suite started has used so far, by name. */
    public Map<String, Long> cpuTicksByProcess() {
        return byProcess(ProcessMeter::cpuTicks);
    }

    /**
     * CPU time (clock ticks) the JIT compiler threads of each JVM the suite started have used so far ({@code C1/C2
     * CompilerThread*}): work a service does once after start-up, not per request, so the benchmark reports it apart.
     */
    public Map<String, Long> compilerTicksByProcess() {
        Map<String, Long> result = new LinkedHashMap<>();
        byName.forEach((name, p) -> result.put(name, compilerTicks(p.pid())));
        return result;
    }

    /**
     * Waits (up to {@code seconds}) until the suite is idle, under a fifth of one core for two seconds: the consumers
     * catching up after a load and the JIT compilers finishing their queue otherwise share the cores with a measurement.
     * Answers how long it waited, in seconds.
     */
    public long settle(int seconds) throws InterruptedException {
        return quietFor(seconds, this::totalTicks, 40);
    }

    /**
     * Waits (up to {@code seconds}) until the JVMs' JIT compilers are quiet, under a twentieth of one core between them
     * for two seconds: for minutes after start-up they take most of the cores, while the suite's own background work
     * (pollers, heartbeats) goes on. Answers how long it waited, in seconds.
     */
    public long compilersQuiet(int seconds) throws InterruptedException {
        return quietFor(seconds, this::compilerTicks, 10);
    }

    /** Waits (up to {@code seconds}) until {@code ticks} grows by less than {@code limit} in two seconds. */
    private static long quietFor(int seconds, LongSupplier ticks, long limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            long before = ticks.getAsLong();
            Thread.sleep(2000);
            if (ticks.getAsLong() - before < limit) {
                break;
            }
        }
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    private long compilerTicks() {
        return compilerTicksByProcess().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private long totalTicks() {
        return cpuTicksByProcess().values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU time (user and system, clock ticks) a process has used so far; 0 when it is gone. */
    public static long cpuTicks(long pid) {
        try {
            return ticksOf(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long compilerTicks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.mapToLong(task -> {
                        try {
                            String stat = Files.readString(task.resolve("stat"));
                            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")
                                    ? ticksOf(stat)
                                    : 0;
                        } catch (IOException | RuntimeException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a {@code /proc/…/stat} line (a process's or one thread's). */
    private static long ticksOf(String stat) {
        // fields after the command name (which may hold spaces,
        // inside parentheses): state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * A process's share of physical memory in kB: its proportional set size (pages shared with other processes, such as
     * PostgreSQL's shared buffers in each backend, counted once across them, not once per process as VmRSS does), or its
     * VmRSS where the kernel offers no smaps_rollup.
     */
    private static long residentKb(long pid) {
        for (String[] source : new String[][] {{"smaps_rollup", "Pss:"}, {"status", "VmRSS:"}}) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), source[0]))) {
                    if (line.startsWith(source[1])) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // the process ended meanwhile, or this kernel lacks the file
            }
        }
        return 0;
    }

    /** One figure per process by name: the embedded PostgreSQL (with its backends) first, then Kafka, then the rest. */
    private Map<String, Long> byProcess(LongUnaryOperator measure) {
        Map<String, Long> result = new LinkedHashMap<>();
        Path postgresData = embeddedPostgresData.get();
        if (postgresData != null) {
            // the embedded server detaches from this JVM: find its
            // postmaster by the data directory, then add its backends
            String dataDir = postgresData.toAbsolutePath().toString();
            result.put(
                    "postgresql",
                    ProcessHandle.allProcesses()
                            .filter(p -> cmdline(p.pid()).contains(dataDir))
                            .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                            .mapToLong(p -> measure.applyAsLong(p.pid()))
                            .sum());
        }
        Process kafka = byName.get("kafka");
        if (kafka != null) {
            result.put("kafka", measure.applyAsLong(kafka.pid()));
        }
        byName.forEach((name, p) -> {
            if (!"kafka".equals(name)) {
                result.put(name, measure.applyAsLong(p.pid()));
            }
        });
        return result;
    }

    private static String cmdline(long pid) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                            StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
