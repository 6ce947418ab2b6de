package dev.kassa.platform.warmup;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.InstanceInfo.InstanceStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;

/**
 * The instance's status in Eureka follows its readiness: it registers {@code STARTING}
 * ({@code eureka.instance.initial-status}), turns {@code UP} once Spring Boot declares it ready (after {@link WarmUp}) and
 * {@code OUT_OF_SERVICE} when it stops taking traffic (a graceful shutdown), so callers' load balancers, which list only
 * {@code UP} instances, never pick one that is not ready.
 */
public class RegistryStatus implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

    private final ObjectProvider<ApplicationInfoManager> registry;

    public RegistryStatus(ObjectProvider<ApplicationInfoManager> registry) {
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
        ApplicationInfoManager manager = registry.getIfAvailable();
        if (manager != null) {
            manager.setInstanceStatus(
                    event.getState() == ReadinessState.ACCEPTING_TRAFFIC
                            ? InstanceStatus.UP
                            : InstanceStatus.OUT_OF_SERVICE);
        }
    }
}
