package dev.kassa.platform.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.config.PlatformMigrations;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Schema-per-tenant storage (brief §3) and the service-wide migrations every service runs. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class},
        before = HibernateJpaAutoConfiguration.class)
@EnableConfigurationProperties(TenancyProperties.class)
public class TenancyAutoConfiguration {

    @Bean
    public PlatformMigrations platformMigrations(DataSource dataSource) {
        return new PlatformMigrations(dataSource);
    }

    @Bean
    public static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryDependsOnPlatformMigrations() {
        return new EntityManagerFactoryDependsOnPostProcessor("platformMigrations");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "kassa.tenancy.schema-per-tenant", havingValue = "true", matchIfMissing = true)
    static class SchemaPerTenant {

        /** Every component's connections on the service schema; tenant transactions switch the pool's directly. */
        @Bean
        static BeanPostProcessor serviceSchemaDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof ServiceSchemaDataSource)
                            ? new ServiceSchemaDataSource(dataSource) : bean;
                }
            };
        }

        @Bean
        TenantRegistry tenantRegistry(JdbcTemplate jdbcTemplate, PlatformMigrations migrations) {
            return new TenantRegistry(jdbcTemplate);
        }

        @Bean
        TenantProvisioner tenantProvisioner(DataSource dataSource, TenantRegistry registry, TenancyProperties properties,
                                            org.springframework.core.env.Environment environment) {
            java.util.List<String> locations = new java.util.ArrayList<>(properties.migrationLocations());
            if (environment.getProperty("kassa.files.enabled", Boolean.class, false)) {
                locations.add(dev.kassa.platform.files.FileStore.TENANT_MIGRATIONS);
            }
            return new TenantProvisioner(dataSource, registry, properties, locations);
        }

        @Bean
        OutdatedTenantMigrator outdatedTenantMigrator(TenantRegistry registry, TenantProvisioner provisioner, TenancyProperties properties) {
            return new OutdatedTenantMigrator(registry, provisioner, properties.migrationThreads());
        }

        @Bean
        StoreEventsConsumer storeEventsConsumer(TenantProvisioner provisioner, TenantRegistry registry, ObjectMapper objectMapper) {
            return new StoreEventsConsumer(provisioner, registry, objectMapper);
        }

        @Bean
        EmployeeDirectory employeeDirectory(JdbcTemplate jdbcTemplate, PlatformMigrations migrations) {
            return new EmployeeDirectory(jdbcTemplate);
        }

        @Bean
        EmployeeEventsConsumer employeeEventsConsumer(EmployeeDirectory directory, ObjectMapper objectMapper) {
            return new EmployeeEventsConsumer(directory, objectMapper);
        }

        @Bean
        HibernatePropertiesCustomizer schemaPerTenantHibernate(DataSource dataSource) {
            return properties -> {
                properties.put(AvailableSettings.MULTI_TENANT_CONNECTION_PROVIDER, new SchemaPerTenantConnectionProvider(dataSource));
                properties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new CurrentSchemaResolver());
            };
        }
    }
}
