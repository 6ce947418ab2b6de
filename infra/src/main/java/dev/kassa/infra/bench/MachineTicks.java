package dev.kassa.infra.bench;

import dev.kassa.infra.ProcessMeter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's CPU time in clock ticks, all cores ({@code /proc/stat}): busy, in all, and the load generator's own. */
record MachineTicks(long busy, long total, long generator) {

    static MachineTicks now() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new MachineTicks(
                    total - idle,
                    total,
                    ProcessMeter.cpuTicks(ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            return new MachineTicks(0, 0, 0);
        }
    }

    MachineTicks minus(MachineTicks before) {
        return new MachineTicks(busy - before.busy, total - before.total, generator - before.generator);
    }

    MachineTicks plus(MachineTicks other) {
        return new MachineTicks(busy + other.busy, total + other.total, generator + other.generator);
    }
}
