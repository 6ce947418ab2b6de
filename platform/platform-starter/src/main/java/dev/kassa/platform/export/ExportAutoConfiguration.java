package dev.kassa.platform.export;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** {@link Exports} for a service with a database, and its handlers' {@code ExportFormat} parameter. */
@AutoConfiguration(after = {HibernateJpaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
public class ExportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Exports exports(PlatformTransactionManager transactions) {
        return new Exports(transactions);
    }

    /** An export's {@code ExportFormat} parameter, read from {@code ?format=} and published with the files it answers. */
    @Bean
    ExportParameters exportParameters() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExportFormat.class);
        return new ExportParameters();
    }

    @Bean
    WebMvcConfigurer exportParameterConfigurer(ExportParameters parameters) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(parameters);
            }
        };
    }
}
