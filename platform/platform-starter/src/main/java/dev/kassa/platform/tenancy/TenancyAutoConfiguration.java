package dev.kassa.platform.tenancy;

import dev.kassa.platform.config.PlatformMigrations;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionManager;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Schema-per-tenant storage (brief §3) and the service-wide migrations every service runs. */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class},
        before = {HibernateJpaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(TenancyProperties.class)
public class TenancyAutoConfiguration {

    @Bean
    public PlatformMigrations platformMigrations(DataSource dataSource) {
        return new PlatformMigrations(dataSource);
    }

    /** For the services that map entities (JPA is optional): Hibernate starts after the migrations, in the tenant's schema. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.hibernate.cfg.AvailableSettings")
    static class Jpa {

        @Bean
        static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryDependsOnPlatformMigrations() {
            return new EntityManagerFactoryDependsOnPostProcessor("platformMigrations");
        }

        @Bean
        @ConditionalOnProperty(name = "kassa.tenancy.schema-per-tenant", havingValue = "true", matchIfMissing = true)
        HibernatePropertiesCustomizer schemaPerTenantHibernate(DataSource dataSource) {
            return properties -> {
                properties.put(
                        AvailableSettings.MULTI_TENANT_CONNECTION_PROVIDER,
                        new SchemaPerTenantConnectionProvider(dataSource));
                properties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new CurrentSchemaResolver());
            };
        }
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
                            ? new ServiceSchemaDataSource(dataSource)
                            : bean;
                }
            };
        }

        /**
         * A service without JPA: its transactions run on the current store's schema (with JPA, Hibernate's tenant
         * connections do this; {@link Jpa}).
         */
        @Bean
        @ConditionalOnMissingClass("org.hibernate.cfg.AvailableSettings")
        @ConditionalOnMissingBean(TransactionManager.class)
        JdbcTransactionManager transactionManager(
                DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
            JdbcTransactionManager manager =
                    new JdbcTransactionManager(new TenantSchemaDataSource(ServiceSchemaDataSource.pool(dataSource)));
            customizers.ifAvailable(c -> c.customize(manager));
            return manager;
        }

        @Bean
        TenantRegistry tenantRegistry(JdbcTemplate jdbcTemplate, PlatformMigrations migrations) {
            return new TenantRegistry(jdbcTemplate);
        }

        @Bean
        TenantProvisioner tenantProvisioner(
                DataSource dataSource,
                TenantRegistry registry,
                TenancyProperties properties,
                ObjectProvider<TenantMigrationLocations> modules) {
            List<String> locations = new ArrayList<>(properties.migrationLocations());
            modules.orderedStream().forEach(m -> locations.addAll(m.locations()));
            return new TenantProvisioner(dataSource, registry, properties, locations);
        }

        @Bean
        OutdatedTenantMigrator outdatedTenantMigrator(
                TenantRegistry registry, TenantProvisioner provisioner, TenancyProperties properties) {
            return new OutdatedTenantMigrator(registry, provisioner, properties.migrationThreads());
        }

        /** The directory, reading through {@link EmployeeLookup} when the service has one (auth's, see the security configuration). */
        @Bean
        EmployeeDirectory employeeDirectory(
                JdbcTemplate jdbcTemplate, PlatformMigrations migrations, ObjectProvider<EmployeeLookup> lookup) {
            return new EmployeeDirectory(jdbcTemplate, Optional.ofNullable(lookup.getIfAvailable()));
        }
    }
}
