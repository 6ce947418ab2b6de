package dev.kassa.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a service under test at the shared test PostgreSQL (its own database) and Kafka broker. */
public class KassaTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.register(context);
        String app = context.getEnvironment().getProperty("spring.application.name", "kassa");
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        TestPropertyValues.of(
                        "spring.datasource.url=" + TestInfrastructure.database("test_" + app.replace('-', '_')),
                        "spring.datasource.username=" + pg.username(),
                        "spring.datasource.password=" + pg.password(),
                        "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "eureka.client.enabled=false",
                        "spring.cloud.discovery.enabled=false",
                        "kassa.events.partitions=1",
                        "kassa.security.service-secret=" + TestTokens.SERVICE_SECRET,
                        "kassa.events.relay-interval-ms=20")
                .applyTo(context);
    }
}
