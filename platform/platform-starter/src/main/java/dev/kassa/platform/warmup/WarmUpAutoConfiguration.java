package dev.kassa.platform.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.netflix.appinfo.ApplicationInfoManager;
import dev.kassa.platform.security.KassaSecurityAutoConfiguration;
import dev.kassa.platform.tenancy.TenancyAutoConfiguration;
import dev.kassa.platform.tenancy.TenantProvisioner;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Optional;

/** Warm before ready: the {@link WarmUp} runner and, where the instance registers in Eureka, {@link RegistryStatus}. */
@AutoConfiguration(
        after = {
            TenancyAutoConfiguration.class,
            KassaSecurityAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            ValidationAutoConfiguration.class
        })
public class WarmUpAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "kassa.warm-up.enabled", havingValue = "true", matchIfMissing = true)
    public WarmUp warmUp(
            ObjectProvider<HotPath> hotPaths,
            ObjectProvider<TenantProvisioner> provisioner,
            ObjectProvider<PlatformTransactionManager> transactions,
            ObjectProvider<JwtDecoder> tokens,
            Environment environment) {
        return new WarmUp(
                hotPaths.orderedStream().toList(),
                Optional.ofNullable(provisioner.getIfAvailable()),
                Optional.ofNullable(transactions.getIfUnique()),
                Optional.ofNullable(tokens.getIfUnique()),
                environment);
    }

    @Bean
    @ConditionalOnMissingBean
    public WarmUpRequests warmUpRequests(ObjectMapper json, Validator validator) {
        return new WarmUpRequests(json, validator);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ApplicationInfoManager.class)
    static class Registry {

        @Bean
        RegistryStatus registryStatus(ObjectProvider<ApplicationInfoManager> registry) {
            return new RegistryStatus(registry);
        }
    }
}
