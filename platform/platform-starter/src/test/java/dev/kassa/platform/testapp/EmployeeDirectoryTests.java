package dev.kassa.platform.testapp;

import dev.kassa.platform.events.EmployeeChanged;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KassaIntegrationTest
class EmployeeDirectoryTests {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EmployeeDirectory directory;

    @Test
    void everyServiceKnowsTheStoresEmployeesFromAuthsEvents() throws Exception {
        String store = TestStores.newKey("emp");
        EventSamples.Sample created = EventSamples.of(EmployeeChanged.CREATED);
        created.assertConsumedBy("platform (every service)");
        kafka.send(Topics.AUTH, store, created.message(store, e -> e.set("/tenant_key", store)
                        .set("/employee_id", 31)
                        .set("/user_id", 131)
                        .set("/full_name", "Анна Петрова")
                        .set("/role", "cashier")))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(directory.find(store, 31))
                .hasValueSatisfying(e -> assertThat(e.fullName()).isEqualTo("Анна Петрова")));
        assertThat(directory.byUser(store, 131).orElseThrow().employeeId()).isEqualTo(31);

        kafka.send(Topics.AUTH, store, EventSamples.of(EmployeeChanged.UPDATED).message(store, e -> e.set(
                                "/tenant_key", store)
                        .set("/employee_id", 31)
                        .set("/user_id", 131)
                        .set("/full_name", "Анна Петрова")
                        .set("/role", "manager")
                        .set("/is_active", false)))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        directory.find(store, 31).orElseThrow().isActive())
                .isFalse());
        assertThat(directory.find(store, 31).orElseThrow().role()).isEqualTo("manager");
        assertThat(directory.active(store)).isEmpty();
        assertThat(directory.find(TestStores.newKey("emq"), 31)).as("per store").isEmpty();
    }
}
