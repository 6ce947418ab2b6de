package dev.kassa.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.security.KassaSecurityAutoConfiguration;
import dev.kassa.platform.security.Revocations;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenancyAutoConfiguration;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The platform's own Kafka consumers: stores announced by auth are provisioned, employees kept in the directory, access
 * changes turned into revocations. They sit above tenancy and security (messaging → domain), so neither depends on events.
 */
@AutoConfiguration(after = {TenancyAutoConfiguration.class, KassaSecurityAutoConfiguration.class})
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnBean({TenantProvisioner.class, TenantRegistry.class})
    StoreEventsConsumer storeEventsConsumer(
            TenantProvisioner provisioner, TenantRegistry registry, ObjectMapper objectMapper) {
        return new StoreEventsConsumer(provisioner, registry, objectMapper);
    }

    @Bean
    @ConditionalOnBean(EmployeeDirectory.class)
    EmployeeEventsConsumer employeeEventsConsumer(EmployeeDirectory directory, ObjectMapper objectMapper) {
        return new EmployeeEventsConsumer(directory, objectMapper);
    }

    @Bean
    @ConditionalOnBean(Revocations.class)
    AccessEventsConsumer accessEventsConsumer(Revocations revocations, ObjectMapper objectMapper) {
        return new AccessEventsConsumer(revocations, objectMapper);
    }
}
