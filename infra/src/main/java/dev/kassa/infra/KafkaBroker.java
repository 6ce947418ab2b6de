package dev.kassa.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The suite's Kafka broker in KRaft mode, in its own JVM from Maven Central jars: configured, formatted, started. */
final class KafkaBroker {

    private KafkaBroker() {}

    /**
     * Starts the bundled broker (kept as {@code kafka}) and answers its bootstrap address once its port is open, before
     * {@code deadline} ({@link System#nanoTime()}); with an external broker configured, only answers its address.
     */
    static String start(SuiteConfig config, Processes processes, long deadline) {
        if (config.externalKafka() != null) {
            return config.externalKafka();
        }
        int port = config.kafkaPort();
        Path dir = config.dataDir().resolve("kafka");
        SuiteFiles.mkdirs(dir);
        Path properties = dir.resolve("server.properties");
        String logs = dir.resolve("logs").toAbsolutePath().toString();
        SuiteFiles.write(properties, serverProperties(port, logs));
        String classpath = classpath(config);
        if (!Files.exists(Path.of(logs, "meta.properties"))) {
            format(processes, classpath, properties);
        }
        // the broker keeps the JVM's default heap free ratios: the services' tighter
        // ones (15-40 %) saved it about 30 MB but doubled its CPU per sale in the two
        // benchmark runs that had them (more young collections in a smaller heap)
        List<String> command =
                new ArrayList<>(List.of(ModuleJvm.java(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k"));
        if (ModuleJvm.trimsNativeHeap()) {
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        command.addAll(List.of("-cp", classpath, "kafka.Kafka", properties.toString()));
        processes.register("kafka", processes.spawn("kafka", command, Map.of()));
        processes.waitFor("kafka", deadline, () -> Processes.portOpen(port));
        return "127.0.0.1:" + port;
    }

    /** One broker that is its own controller, on {@code port} (the controller on the next), logs in {@code logs}. */
    private static String serverProperties(int port, String logs) {
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + (port + 1),
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // the log cleaner (compacting the consumer offsets) keeps its whole dedupe buffer on the heap:
                // 128 MB by default, most of the broker's heap and a ninth of the suite's memory for a few
                // thousand offsets
                "log.cleaner.dedupe.buffer.size=8388608",
                "auto.create.topics.enable=true",
                "");
    }

    /** Formats the broker's log directory for a new cluster (on the first start of a data directory). */
    private static void format(Processes processes, String classpath, Path properties) {
        String clusterId = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 22);
        processes.run(
                "kafka-format",
                List.of(
                        ModuleJvm.java(),
                        "-cp",
                        classpath,
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        clusterId,
                        "-c",
                        properties.toString()));
    }

    /**
     * The broker's jars plus what Maven files under the launcher's own libraries because the launcher uses it too: an SLF4J
     * binding and Jackson (the broker needs jackson-databind; with the benchmark's client it is a compile dependency of
     * infra, so Maven no longer copies it among the broker's provided jars).
     */
    private static String classpath(SuiteConfig config) {
        Path kafka = config.root().resolve("infra/target/kafka-libs").toAbsolutePath();
        Path launcher = config.root().resolve("infra/target/launcher-libs").toAbsolutePath();
        List<String> entries = new ArrayList<>(List.of(kafka + File.separator + "*"));
        try (Stream<Path> libs = Files.list(launcher)) {
            libs.filter(p -> p.getFileName().toString().startsWith("slf4j-")
                            || p.getFileName().toString().startsWith("jackson-"))
                    .forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, entries);
    }
}
