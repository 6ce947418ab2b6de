package dev.kassa.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The processes the suite starts: each with its output in its own file of the logs folder, kept by name in starting
 * order, waited for until ready, and stopped in tiers.
 */
final class Processes {

    private final Path logs;
    private final List<Process> started = new ArrayList<>();
    private final Map<String, Process> byName = new LinkedHashMap<>();

    /** Asked about a kept process found dead while waiting: true when it was started again (and registered anew). */
    private volatile Predicate<String> revive = name -> false;

    Processes(Path logs) {
        this.logs = logs;
    }

    /** What {@link #waitFor} does with a kept process found dead: start it again (true) or fail (false, the default). */
    void reviveWith(Predicate<String> revive) {
        this.revive = revive;
    }

    /** Starts a process, its output appended to {@code <logs>/<name>.log}; it is kept only once {@link #register}ed. */
    Process spawn(String name, List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve(name + ".log").toFile()));
            // glibc gives each thread that allocates its own malloc arena (up to 8 per core); a JVM's many threads then
            // keep tens of MB of native memory each process never returns: two arenas are plenty for these services
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Runs a command to its end (extracting a jar, formatting Kafka's storage); a non-zero exit status throws. */
    void run(String name, List<String> command) {
        try {
            Process p = spawn(name, command, Map.of());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(name + " failed; see " + logs.resolve(name + ".log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a started process under its name; a process started again takes its predecessor's place (stopping order). */
    synchronized void register(String name, Process process) {
        Process before = byName.put(name, process);
        int index = before == null ? -1 : started.indexOf(before);
        if (index >= 0) {
            started.set(index, process);
        } else {
            started.add(process);
        }
    }

    /** Stops a kept process (as {@link #stop}) and keeps it no longer; nothing when none is kept under {@code name}. */
    synchronized void forget(String name) {
        Process p = byName.remove(name);
        if (p != null) {
            started.remove(p);
            stop(List.of(p));
        }
    }

    /** The process kept under {@code name}, or null. */
    Process get(String name) {
        return byName.get(name);
    }

    /** Every process kept, by name in starting order (a live view). */
    Map<String, Process> byName() {
        return Collections.unmodifiableMap(byName);
    }

    /** Waits until {@code ready}; throws when a kept process exits meanwhile or {@code deadline} (nanoTime) passes. */
    void waitFor(String what, long deadline, BooleanSupplier ready) {
        while (!ready.getAsBoolean()) {
            for (Map.Entry<String, Process> e : byName.entrySet()) {
                if (!e.getValue().isAlive()) {
                    if (revive.test(e.getKey())) {
                        break; // started again: looked at anew on the next turn
                    }
                    throw new IllegalStateException("The suite's " + e.getKey() + " exited with status "
                            + e.getValue().exitValue() + " while waiting for " + what + "; logs are in " + logs + " ("
                            + freeMegabytes() + " MB free on that disk); the end of its log:\n"
                            + tail(e.getKey(), 40));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready in time; logs are in " + logs);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long freeMegabytes() {
        try {
            return Files.getFileStore(logs).getUsableSpace() / (1024 * 1024);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The last {@code lines} lines of a process's log (what a CI report shows of a process that died). */
    String tail(String name, int lines) {
        try {
            // malformed bytes are replaced, never thrown: a log is read as it is
            List<String> all = new String(Files.readAllBytes(logs.resolve(name + ".log")), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(its log cannot be read: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops every kept process, the last started first: all but the first {@code infrastructure} together (graceful),
     * then those one at a time.
     */
    synchronized void stopAll(int infrastructure) {
        List<Process> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        int last = Math.min(reversed.size(), infrastructure);
        stop(reversed.subList(0, reversed.size() - last));
        for (Process p : reversed.subList(reversed.size() - last, reversed.size())) {
            stop(List.of(p));
        }
        started.clear();
    }

    /** Stops a tier of processes together: SIGTERM to all, then up to a minute each before SIGKILL. */
    static void stop(List<Process> tier) {
        for (Process p : tier) {
            p.destroy();
        }
        for (Process p : tier) {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean healthy(int port) {
        return status(port, "/actuator/health") == 200;
    }

    static int status(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(5000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
