package dev.kassa.platform.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.kassa.platform.config.PlatformDefaults;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.error.ModuleErrors;
import dev.kassa.platform.paths.PathAliases;
import dev.kassa.platform.sync.ChangeFeed;
import dev.kassa.platform.sync.PollParameters;
import dev.kassa.platform.validation.RequestRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Error body everywhere, trailing-slash tolerance, Russian/English messages, money as JSON strings. */
@AutoConfiguration(
        before = {ErrorMvcAutoConfiguration.class, MessageSourceAutoConfiguration.class},
        after = JdbcTemplateAutoConfiguration.class)
public class WebAutoConfiguration {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    static {
        // a list's page is a handler parameter (PageParameters), published as its two query parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class);
        // so is a delta-sync poll (PollParameters): its cursor, limit and If-None-Match
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ChangeFeed.Poll.class);
        // and a keyed request's name (RequestKey), which the Idempotency-Key header carries
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestKey.class);
        // money and quantities leave as decimal strings and are read from strings or numbers (kassaJsonCustomizer);
        // published
        // as what every answer holds, a string of format decimal, which generators map to their decimal type (one type,
        // not
        // a string-or-number union that they turn into a wrapper class)
        Schema<Object> decimal = new JsonSchema();
        decimal.setTypes(new LinkedHashSet<>(List.of("string")));
        decimal.setFormat("decimal");
        decimal.setDescription("A decimal: answered as a string (\"150000.00\"), accepted as a string or a number");
        SpringDocUtils.getConfig().replaceWithSchema(BigDecimal.class, decimal);
    }

    /**
     * The published schemas name properties as the answers do: with the application's {@code ObjectMapper}
     * ({@code SNAKE_CASE}), not springdoc's own, whose camelCase names no answer has.
     */
    @Bean
    @ConditionalOnMissingBean
    public ModelResolver modelResolver(ObjectMapper objectMapper) {
        return new ModelResolver(objectMapper).openapi31(true);
    }

    /**
     * The document's server is the one that serves it: a relative {@code /}, so a client generated from it or Swagger UI
     * calls the gateway it was fetched from, never the service's own address inside the cluster.
     */
    @Bean
    @ConditionalOnMissingBean
    public OpenAPI kassaOpenApi() {
        return new OpenAPI()
                .servers(List.of(new Server()
                        .url("/")
                        .description("The gateway that serves this document (Kassa's API is called through it)")));
    }

    /** The service's OpenAPI lists every error code it can answer, with status and messages ({@link ErrorCatalogue}). */
    @Bean
    @ConditionalOnMissingBean
    public ErrorCatalogue errorCatalogue(
            BeanFactory beanFactory, MessageSource messageSource, ObjectProvider<ModuleErrors> modules) {
        List<String> packages =
                AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
        return new ErrorCatalogue(packages, modules.orderedStream().toList(), messageSource);
    }

    /** The declared rules of requests the domain validates itself ({@code @DomainValidated}). */
    @Bean
    @ConditionalOnMissingBean
    public RequestRules requestRules(Validator validator, ObjectMapper json) {
        return new RequestRules(validator, json);
    }

    /** Real answers as examples in the OpenAPI ({@code openapi/response-examples.json}, recorded by the service's tests). */
    @Bean
    @ConditionalOnMissingBean
    public ResponseExamples responseExamples(ObjectMapper json) {
        return new ResponseExamples(json);
    }

    /** A list's {@code PageRequest} parameter, read from {@code page} and {@code page_size} and published as those two. */
    @Bean
    public PageParameters pageParameters() {
        return new PageParameters();
    }

    /** A delta-sync feed's {@code ChangeFeed.Poll} parameter, read from {@code cursor}, {@code limit} and If-None-Match. */
    @Bean
    public PollParameters pollParameters() {
        return new PollParameters();
    }

    @Bean
    public WebMvcConfigurer pageParameterConfigurer(PageParameters pages, PollParameters polls) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(pages);
                resolvers.add(polls);
                resolvers.add(new RequestKey.Resolver());
            }
        };
    }

    /** Examples of the request bodies in the OpenAPI ({@code openapi/request-examples.json}, beside the spec). */
    @Bean
    @ConditionalOnMissingBean
    public RequestExamples requestExamples(ObjectMapper json) {
        return new RequestExamples(json);
    }

    /** The service's OpenAPI has a title, description and contact, declared tags and a description on every operation. */
    @Bean
    @ConditionalOnMissingBean
    public ApiDescription apiDescription(Environment environment) {
        return new ApiDescription(
                environment.getProperty("spring.application.name", "service"),
                environment.getProperty("kassa.api.description"));
    }

    /** A published property of a reference type may be null, as the answers write nulls ({@link NullableProperties}). */
    @Bean
    @ConditionalOnMissingBean
    public NullableProperties nullableProperties() {
        return new NullableProperties();
    }

    @Bean
    public MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "kassa/platform-messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(RUSSIAN);
        Messages.install(source);
        return source;
    }

    @Bean
    public LocaleResolver localeResolver() {
        // a malformed or non-ASCII Accept-Language is the caller's mistake: it falls back to Russian instead of failing
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                try {
                    return super.resolveLocale(request);
                } catch (IllegalArgumentException malformed) {
                    return RUSSIAN;
                }
            }
        };
        resolver.setDefaultLocale(RUSSIAN);
        resolver.setSupportedLocales(List.of(RUSSIAN, Locale.ENGLISH));
        return resolver;
    }

    @Bean
    public ErrorResponses errorResponses(
            MessageSource messageSource, ObjectMapper objectMapper, ObjectProvider<MeterRegistry> meters) {
        return new ErrorResponses(messageSource, objectMapper, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    public ApiExceptionHandler apiExceptionHandler(ErrorResponses errorResponses, ObjectMapper objectMapper) {
        return new ApiExceptionHandler(errorResponses, objectMapper);
    }

    @Bean
    public JsonErrorController jsonErrorController(ErrorResponses errorResponses) {
        return new JsonErrorController(errorResponses);
    }

    /** The original's other spellings of the paths, one table for every service ({@code kassa/path-aliases.txt}). */
    @Bean
    @ConditionalOnMissingBean
    public PathAliases pathAliases() {
        return PathAliases.load();
    }

    /** Each operation's OpenAPI lists the other paths it answers at ({@code x-kassa-aliases}). */
    @Bean
    public PublishedAliases publishedAliases(PathAliases pathAliases) {
        return new PublishedAliases(pathAliases);
    }

    /** After the trailing slash goes, before security: an alias is served as its canonical path. */
    @Bean
    public FilterRegistrationBean<PathAliasFilter> pathAliasFilter(
            PathAliases pathAliases, ApplicationContext context) {
        FilterRegistrationBean<PathAliasFilter> registration =
                new FilterRegistrationBean<>(new PathAliasFilter(pathAliases, context));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<TrailingSlashFilter> trailingSlashFilter() {
        FilterRegistrationBean<TrailingSlashFilter> registration =
                new FilterRegistrationBean<>(new TrailingSlashFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** First of all: a header value no component can read safely is refused before any of them tries. */
    @Bean
    public FilterRegistrationBean<HeaderCheckFilter> headerCheckFilter(ErrorResponses errorResponses) {
        FilterRegistrationBean<HeaderCheckFilter> registration =
                new FilterRegistrationBean<>(new HeaderCheckFilter(errorResponses));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Before anything reads a body: one larger than {@code kassa.web.max-request-bytes} (1 MiB) is refused, counted on the
     * bytes read (a chunked body too).
     */
    @Bean
    public FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            ErrorResponses errorResponses, Environment environment) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(
                errorResponses, environment.getProperty("kassa.web.max-request-bytes", Long.class, 1_048_576L)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<LocaleFilter> localeFilter(LocaleResolver localeResolver) {
        FilterRegistrationBean<LocaleFilter> registration =
                new FilterRegistrationBean<>(new LocaleFilter(localeResolver));
        // after Spring's RequestContextFilter (-105, which uses the JVM default), before Spring Security (-100)
        registration.setOrder(-104);
        return registration;
    }

    /**
     * Conditional reads of what a till polls whole (a store's settings): the paths of {@code kassa.web.etag-paths} (servlet
     * URL patterns) answer an {@code ETag} of their body and 304 to an unchanged {@code If-None-Match}, so a poll once a
     * minute transfers only what changed. After Spring Security: a refusal is never tagged.
     */
    @Bean
    @ConditionalOnProperty("kassa.web.etag-paths")
    public FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter(Environment environment) {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.setUrlPatterns(List.of(environment.getRequiredProperty("kassa.web.etag-paths", String[].class)));
        registration.setOrder(1);
        return registration;
    }

    /**
     * Runs after Spring Security, so the caller and the store are known when a key is scoped. Keys are kept in the
     * service's database: a web slice without one has no idempotency.
     */
    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    public IdempotencyFilter idempotencyFilter(
            JdbcTemplate jdbcTemplate, ErrorResponses errorResponses, Environment environment) {
        return new IdempotencyFilter(jdbcTemplate, errorResponses, PlatformDefaults.instanceName(environment));
    }

    @Bean
    @ConditionalOnBean(IdempotencyFilter.class)
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(
            IdempotencyFilter idempotencyFilter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(idempotencyFilter);
        registration.setOrder(0);
        return registration;
    }

    /** Money and quantities leave as plain decimal strings ({@code "150000.00"}); inputs accept numbers or strings. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer kassaJsonCustomizer() {
        return builder -> builder.serializerByType(BigDecimal.class, new JsonSerializer<BigDecimal>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
    }
}
