package dev.kassa.platform.files;

import dev.kassa.platform.tenancy.TenantMigrationLocations;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** The file store, for services that keep photos or images ({@code kassa.files.enabled=true}, {@code kassa.files.path}). */
@AutoConfiguration
@ConditionalOnProperty(name = "kassa.files.enabled", havingValue = "true")
@EnableConfigurationProperties(FileProperties.class)
public class FilesAutoConfiguration {

    @Bean
    public FileStore fileStore(JdbcClient jdbcClient, FileProperties properties) {
        if (properties.path() == null || !properties.path().startsWith("/api/")) {
            throw new IllegalStateException(
                    "kassa.files.path must name where the service serves its files, e.g. /api/tasks/files");
        }
        return new FileStore(jdbcClient, properties);
    }

    /** Every store's schema gets the files table. */
    @Bean
    TenantMigrationLocations fileMigrations() {
        return () -> List.of(FileStore.TENANT_MIGRATIONS);
    }

    @Bean
    FileController fileController(FileStore files) {
        return new FileController(files);
    }
}
