package dev.kassa.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code infra/kassa up}: runs the suite in the foreground until Ctrl-C or SIGTERM. */
public final class Kassa {
    private Kassa() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 || !"up".equals(args[0])) {
            System.err.println("usage: infra/kassa up");
            System.exit(2);
        }
        Path root =
                Path.of(System.getProperty("kassa.root", ".")).toAbsolutePath().normalize();
        SuiteConfig config = SuiteConfig.fromEnvironment(root);
        System.out.println("Starting Kassa (data in " + config.dataDir() + ", logs in "
                + config.dataDir().resolve("logs") + ") …");
        // nine JVMs starting at once with the optimising compiler took 131-261 s to ready on two cores, once over 300 s
        String fallback = config.fullJit() ? "600" : "300";
        Suite suite = Suite.start(
                config,
                Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("KASSA_START_TIMEOUT", fallback))));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Kassa …");
            suite.close();
            System.out.println("Kassa stopped.");
            stopped.countDown();
        }));
        System.out.printf(
                "Kassa is ready in %.1f s at %s (resident memory %d MB; Swagger UI %s/swagger, ReDoc %s/redoc/)%n",
                suite.secondsToReady(),
                suite.gatewayUrl(),
                suite.meter().residentMegabytes(),
                suite.gatewayUrl(),
                suite.gatewayUrl());
        stopped.await();
    }
}
