package dev.kassa.platform.export;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/** {@link Exports} for a service with a database. */
@AutoConfiguration(after = {HibernateJpaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
public class ExportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Exports exports(PlatformTransactionManager transactions) {
        return new Exports(transactions);
    }
}
