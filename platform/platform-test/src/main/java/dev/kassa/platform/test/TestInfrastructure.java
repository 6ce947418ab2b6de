package dev.kassa.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM: Testcontainers when a Docker engine is
 * available, otherwise an embedded PostgreSQL (zonky) and an in-process KRaft broker, so
 * {@code ./mvnw verify} passes on machines without Docker. Both stop when the JVM exits.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    public record Postgres(String jdbcUrl, String username, String password) {}

    /**
     * A service's test context, whether it ever started, and a latch its last bean's destruction counts down: the
     * context has closed.
     */
    private record Registered(ConfigurableApplicationContext context, CountDownLatch closed, AtomicBoolean started) {}

    /** The services' test contexts, closed before the broker and the database stop (see {@link #closeContexts}). */
    private static final List<Registered> CONTEXTS = new CopyOnWriteArrayList<>();

    private static Postgres postgres;
    private static String kafkaBootstrap;
    private static Boolean docker;

    private TestInfrastructure() {}

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = dockerAvailable() ? containerPostgres() : embeddedPostgres();
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = dockerAvailable() ? containerKafka() : embeddedKafka();
        }
        return kafkaBootstrap;
    }

    /** A fresh, empty database on the shared server (one per service test context). */
    public static synchronized String database(String name) {
        Postgres pg = postgres();
        String base = pg.jdbcUrl();
        try (Connection c = DriverManager.getConnection(base, pg.username(), pg.password());
                Statement s = c.createStatement()) {
            var rs = s.executeQuery(
                    "select 1 from pg_database where datname = '" + name.replaceAll("[^a-z0-9_]", "") + "'");
            if (!rs.next()) {
                s.execute("create database " + name.replaceAll("[^a-z0-9_]", ""));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return base.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    private static boolean dockerAvailable() {
        if (docker == null) {
            boolean available;
            try {
                available = !"false".equals(System.getProperty("kassa.test.docker"))
                        && DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable t) {
                available = false;
            }
            docker = available;
            log.info("Test infrastructure: {}", available ? "Testcontainers" : "embedded PostgreSQL and KRaft broker");
        }
        return docker;
    }

    @SuppressWarnings("resource")
    private static Postgres containerPostgres() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
        container.start();
        return new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @SuppressWarnings("resource")
    private static String containerKafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:3.9.1");
        container.start();
        return container.getBootstrapServers();
    }

    private static Postgres embeddedPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    // stopped by the hook below, after the contexts: its own hook would stop it beside them, and a
                    // service that writes while it stops (sales gives back its unused hold intents) would wait 30 s
                    // for a connection
                    .setRegisterShutdownHook(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeContexts();
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            return new Postgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static String embeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeContexts();
            broker.destroy();
        }));
        return broker.getBrokersAsString();
    }

    /** A service's test context, to be closed when the JVM exits before the broker and the database stop. */
    static void register(ConfigurableApplicationContext context) {
        Registered registered = new Registered(context, new CountDownLatch(1), new AtomicBoolean());
        // registered before any bean of the context, so destroyed after all of them
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry beans) {
            beans.registerDisposableBean("kassaTestContextClosed", registered.closed()::countDown);
        }
        context.addApplicationListener(event -> {
            if (event instanceof ContextRefreshedEvent) {
                registered.started().set(true);
            }
        });
        CONTEXTS.add(registered);
    }

    /**
     * Closes the services' test contexts while the broker and the database still answer, and waits until each has
     * closed: Spring Boot's own hook closes them beside these, and a context it is closing is no longer active, so
     * without the wait the database stopped under its last writes (sales giving back its unused hold intents waited 30 s
     * for a connection, and surefire killed the fork, leaving the database running).
     */
    private static void closeContexts() {
        // each context in a thread of its own: they are independent, and one after another they took longer than the
        // 30 s surefire gives an exiting fork
        List<Thread> closing = new ArrayList<>();
        for (Registered registered : CONTEXTS) {
            Thread thread = new Thread(() -> closeAndWait(registered), "close-test-context");
            thread.start();
            closing.add(thread);
        }
        try {
            for (Thread thread : closing) {
                thread.join(TimeUnit.SECONDS.toMillis(25));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeAndWait(Registered registered) {
        try {
            registered.context().close();
            if (registered.started().get()) {
                registered.closed().await(20, TimeUnit.SECONDS);
            }
        } catch (RuntimeException ignored) {
            // the JVM is exiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
