package dev.kassa.platform.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.ModuleErrors;
import dev.kassa.platform.tenancy.TenantMigrationLocations;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Arrays;
import java.util.List;

/**
 * Imports for a service that declares what it imports ({@code kassa.imports.enabled=true} and its
 * {@link ImportHandler} beans): the jobs' table in every store's schema, the jobs' own threads, and the import errors in
 * the service's catalogue.
 */
@AutoConfiguration(after = {HibernateJpaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnProperty(name = "kassa.imports.enabled", havingValue = "true")
@EnableConfigurationProperties(ImportProperties.class)
public class ImportsAutoConfiguration {

    /** Where the store's table is created, added to the tenant migrations. */
    public static final String TENANT_MIGRATIONS = "classpath:db/tenant-imports";

    @Bean
    TenantMigrationLocations importMigrations() {
        return () -> List.of(TENANT_MIGRATIONS);
    }

    @Bean
    ModuleErrors importErrors() {
        return new ModuleErrors(Arrays.asList(ImportErrors.values()));
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor importExecutor(ImportProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setThreadNamePrefix("import-");
        // a job left in the queue at shutdown is taken over by another instance when its lease runs out
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

    @Bean
    @ConditionalOnBean(PlatformTransactionManager.class)
    Imports imports(
            List<ImportHandler> handlers,
            JdbcClient jdbcClient,
            ObjectMapper objectMapper,
            ImportProperties properties,
            MessageSource messageSource,
            ThreadPoolTaskExecutor importExecutor,
            PlatformTransactionManager transactions,
            ObjectProvider<ImportMemory> memory) {
        return new Imports(
                handlers,
                new ImportJobs(jdbcClient, objectMapper),
                properties,
                messageSource,
                importExecutor,
                transactions,
                memory.getIfAvailable(() -> ImportMemory.NONE));
    }

    /** A service that works through JPA: its persistence context is let go after each chunk and each rollback. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "jakarta.persistence.EntityManager")
    @ConditionalOnBean(type = "jakarta.persistence.EntityManagerFactory")
    static class Jpa {
        @Bean
        ImportMemory importMemory(jakarta.persistence.EntityManager entities) {
            return new JpaImportMemory(entities);
        }
    }

    @Bean
    @ConditionalOnBean({Imports.class, TenantRegistry.class, TenantProvisioner.class})
    ImportSweeper importSweeper(Imports imports, TenantRegistry registry, TenantProvisioner provisioner) {
        return new ImportSweeper(imports, registry, provisioner);
    }
}
