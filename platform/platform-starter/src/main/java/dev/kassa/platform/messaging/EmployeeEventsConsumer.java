package dev.kassa.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.EmployeeChanged;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantKeys;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps this service's {@link EmployeeDirectory} from auth's employee events (idempotent: the latest state wins). */
public class EmployeeEventsConsumer {

    private final ObjectMapper objectMapper;
    private final EventHandlers handlers;

    public EmployeeEventsConsumer(EmployeeDirectory directory, ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.handlers = new EventHandlers()
                .on(EmployeeChanged.CREATED, EmployeeChanged.class, e -> save(directory, e))
                .on(EmployeeChanged.UPDATED, EmployeeChanged.class, e -> save(directory, e));
    }

    private static void save(EmployeeDirectory directory, EmployeeChanged e) {
        if (e.tenantKey() != null && TenantKeys.isValidKey(e.tenantKey())) {
            directory.save(new EmployeeDirectory.Employee(
                    e.tenantKey(), e.employeeId(), e.userId(), e.fullName(), e.role(), e.phone(), e.isActive()));
        }
    }

    @KafkaListener(topics = Topics.AUTH, groupId = "${spring.application.name}-employees")
    public void on(String message) throws Exception {
        handlers.dispatch(objectMapper.readValue(message, EventEnvelope.class), objectMapper);
    }
}
