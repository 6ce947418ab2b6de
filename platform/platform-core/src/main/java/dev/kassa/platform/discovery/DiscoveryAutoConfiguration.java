package dev.kassa.platform.discovery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/** Every load-balanced client of this process avoids instances it just failed to connect to ({@link AvoidFailedInstances}). */
@AutoConfiguration
@ConditionalOnClass(ServiceInstanceListSupplier.class)
@LoadBalancerClients(defaultConfiguration = AvoidFailedInstances.class)
public class DiscoveryAutoConfiguration {

    @Bean
    RecentFailures recentFailures(@Value("${kassa.discovery.avoid-failed-for:3s}") Duration avoidFor) {
        return new RecentFailures(avoidFor, Clock.systemUTC());
    }
}
