package dev.kassa.platform.testapp;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.EurekaInstanceConfig;
import com.netflix.appinfo.InstanceInfo;
import com.netflix.appinfo.InstanceInfo.InstanceStatus;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.warmup.RegistryStatus;
import dev.kassa.platform.warmup.WarmUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Warm before ready (issue 66, point 5): hot paths run once in the warm-up store, never kept, before the instance is ready. */
@KassaIntegrationTest
class WarmUpTests {

    @Autowired
    WarmUp warmUp;

    @Autowired
    NoteWarmUp hotPath;

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationAvailability availability;

    @Test
    void theHotPathsRanInTheWarmUpStoreBeforeTheInstanceWasReadyAndNothingTheyWroteWasKept() {
        // the start-up's warm-up took the path in the warm-up store, and the instance is ready after it
        assertThat(hotPath.stores).first().isEqualTo(TenantKeys.WARM_UP_KEY);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

        WarmUp.Outcome again = warmUp.warmUp();
        assertThat(again.hotPaths()).isEqualTo(1);
        assertThat(again.taken()).as("taken, not skipped").isEqualTo(1);
        assertThat(again.failed()).isEmpty();
        assertThat(hotPath.stores).last().isEqualTo(TenantKeys.WARM_UP_KEY);
        String schema = TenantKeys.schemaOf(TenantKeys.WARM_UP_KEY);
        assertThat(jdbc.queryForObject("select count(*) from \"" + schema + "\".note", Integer.class))
                .as("the hot path's notes were rolled back")
                .isZero();
        // the warm-up store is no shop: the sweeps and migrations over every active store leave it out
        assertThat(registry.find(TenantKeys.WARM_UP_KEY))
                .map(TenantRegistry.Entry::status)
                .contains("warm-up");
        assertThat(registry.activeKeys()).doesNotContain(TenantKeys.WARM_UP_KEY);
    }

    @Test
    void aHotPathThatFailsIsNamedAndLeavesNothingBehind() {
        hotPath.fail.set(true);
        try {
            WarmUp.Outcome outcome = warmUp.warmUp();
            assertThat(outcome.failed()).containsExactly(NoteWarmUp.class.getName());
        } finally {
            hotPath.fail.set(false);
        }
        String schema = TenantKeys.schemaOf(TenantKeys.WARM_UP_KEY);
        assertThat(jdbc.queryForObject("select count(*) from \"" + schema + "\".note", Integer.class))
                .isZero();
    }

    @Test
    void theInstanceTurnsUpInTheRegistryOnlyWhenItIsReady() {
        InstanceInfo instance = InstanceInfo.Builder.newBuilder()
                .setAppName("test-service")
                .setStatus(InstanceStatus.STARTING)
                .build();
        ApplicationInfoManager manager = new ApplicationInfoManager(mock(EurekaInstanceConfig.class), instance);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("manager", manager);
        RegistryStatus status = new RegistryStatus(beans.getBeanProvider(ApplicationInfoManager.class));

        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.STARTING);
        status.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.UP);
        status.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.OUT_OF_SERVICE);
    }

    @Test
    void noStoreCanBeOpenedOnTheWarmUpStoresSchema() {
        assertThat(TenantKeys.isReservedSchema(TenantKeys.schemaOf(TenantKeys.WARM_UP_KEY)))
                .isTrue();
        assertThat(TenantKeys.isReservedSchema("tenant_kassa_warm_up_1")).isFalse();
    }
}
