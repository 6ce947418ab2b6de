package dev.kassa.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.tenancy.EmployeeLookup;
import dev.kassa.platform.tenancy.ServiceSchemaDataSource;
import dev.kassa.platform.tenancy.TenancyProperties;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.web.ErrorResponses;
import dev.kassa.platform.web.WebAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.LoggerFactory;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every service validates auth-service's tokens itself and checks store membership and role
 * (brief §4), so calling a service directly grants nothing the gateway would refuse.
 */
@AutoConfiguration(
        before = SecurityAutoConfiguration.class,
        after = {WebAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@EnableConfigurationProperties({KassaSecurityProperties.class, TenancyProperties.class})
@EnableMethodSecurity
public class KassaSecurityAutoConfiguration {

    static {
        // the caller is resolved from the token and the store, never sent: it must not appear in the published request
        // schemas
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** Each operation's OpenAPI says which store roles may call it ({@code x-kassa-roles}). */
    @Bean
    @ConditionalOnMissingBean
    public OperationRoles operationRoles() {
        return new OperationRoles();
    }

    static final List<String> ALWAYS_PUBLIC = List.of(
            "/error",
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            // the service's SBOM (CycloneDX, built with it): inside the cluster only, like the metrics
            "/actuator/sbom",
            "/actuator/sbom/**",
            "/v3/api-docs",
            "/v3/api-docs/**");

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public JwtDecoder jwtDecoder(KassaSecurityProperties properties) {
        List<URI> addresses = JwksAddresses.of(properties.jwksUri());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        addresses.get(0).toString())
                .restOperations(new FailoverJwksClient(addresses))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(KassaClaims.ISSUER)));
        return new CachingJwtDecoder(decoder, Clock.systemUTC());
    }

    /**
     * Spring Security wraps each of its filters in an observation when an observation registry exists; with every one of
     * those observations off, the wrapping still cost each request a dozen no-op observations. The HTTP server metrics
     * and traces cover the request already, so security is not observed at all (no decorated filter chain).
     */
    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall (encoded dots or slashes in the path, odd characters, unknown methods), its header
     * rule checked without a regular expression per header read ({@link HeaderCharacters}): the same rule, which cost 2 %
     * of the CPU of sales and catalog under the till's load.
     */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    public HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return firewall;
    }

    @Bean
    @ConditionalOnMissingBean(ServiceTokens.class)
    public ServiceTokens serviceTokens(KassaSecurityProperties properties, Environment environment) {
        String secret = properties.serviceSecret();
        if (secret == null || secret.isBlank()) {
            LoggerFactory.getLogger(ServiceTokens.class)
                    .warn(
                            "KASSA_SERVICE_SECRET is not set: a random service secret is used, so calls from other Kassa components are refused");
            secret = ServiceTokens.randomSecret();
        }
        return new ServiceTokens(
                secret, environment.getProperty("spring.application.name", "kassa"), Clock.systemUTC());
    }

    /** Before Spring Security (-100): internal paths are refused to anything but Kassa's own components. */
    @Bean
    public FilterRegistrationBean<ServiceCallFilter> serviceCallFilter(
            ServiceTokens tokens, ErrorResponses errors, SecurityEvents events) {
        var registration = new FilterRegistrationBean<>(new ServiceCallFilter(tokens, errors, events));
        registration.setOrder(-103);
        return registration;
    }

    @Bean
    public SecurityEvents securityEvents(MeterRegistry meterRegistry) {
        return new SecurityEvents(meterRegistry);
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    public Revocations revocations(JdbcTemplate jdbc, KassaSecurityProperties security) {
        return new Revocations(
                ServiceSchemaDataSource.schemaQualified(jdbc.getDataSource()),
                security.revocationCache(),
                Clock.systemUTC());
    }

    /** The caller's roles in the stores its token names, revocations applied: for work that reaches other stores. */
    @Bean
    public StoreRoles storeRoles(ObjectProvider<Revocations> revocations) {
        return new StoreRoles(revocations.getIfAvailable());
    }

    /**
     * Where the employee directory reads through (auth's {@code /internal/employees}, {@code kassa.tenancy.directory-source},
     * {@code lb://} through the load balancer); none when the source is empty or cannot be reached by name here.
     */
    @Bean
    public EmployeeLookup employeeSource(
            TenancyProperties tenancy,
            ServiceTokens tokens,
            ObjectMapper objectMapper,
            ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer) {
        String url = tenancy.directorySource();
        if (url == null || url.isBlank()) {
            return null;
        }
        RestClient.Builder builder = RestClient.builder();
        if (url.startsWith("lb://")) {
            DeferringLoadBalancerInterceptor interceptor = loadBalancer.getIfAvailable();
            if (interceptor == null) {
                return null;
            }
            builder.requestInterceptor(interceptor);
            url = "http://" + url.substring(5);
        }
        return new EmployeeSource(builder, url, tokens, objectMapper);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain kassaSecurityFilterChain(
            HttpSecurity http,
            KassaSecurityProperties security,
            TenancyProperties tenancy,
            ErrorResponses errors,
            SecurityEvents events,
            ObjectProvider<TenantProvisioner> provisioner,
            ObjectProvider<Revocations> revocations)
            throws Exception {
        List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
        publicPaths.addAll(security.publicPaths());
        List<String> tenantless = new ArrayList<>(tenancy.tenantlessPaths());
        tenantless.addAll(publicPaths);
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            if (e instanceof InvalidBearerTokenException) {
                errors.write(response, PlatformErrors.TOKEN_NOT_VALID);
            } else {
                errors.write(response, PlatformErrors.NOT_AUTHENTICATED);
            }
        };
        AccessDeniedHandler denied = (request, response, e) -> errors.write(response, PlatformErrors.PERMISSION_DENIED);
        TenantMembershipFilter membership = new TenantMembershipFilter(
                tenancy.tenantPaths(),
                tenantless,
                Optional.ofNullable(provisioner.getIfAvailable()),
                ZoneId.of(tenancy.defaultTimeZone()),
                errors,
                events,
                revocations.getIfAvailable());
        String[] open = publicPaths.toArray(String[]::new);
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(
                        a -> a.requestMatchers(open).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.bearerTokenResolver(ignoringPublic(publicPaths))
                        .jwt(j -> {})
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterAfter(membership, BearerTokenAuthenticationFilter.class)
                // a read-only role (the viewer) changes nothing in its store, whatever an operation's rule lets through
                .addFilterAfter(new ReadOnlyRoleFilter(errors, events), TenantMembershipFilter.class);
        return http.build();
    }

    @Bean
    public WebMvcConfigurer callerArgumentConfigurer(ObjectProvider<StoreRoles> storeRoles) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AppRoutes());
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(storeRoles));
            }
        };
    }

    /**
     * A stale token sent to login, register or refresh must not turn them into a 401. A well-formed bearer header is read
     * without Spring's regular expression ({@link BearerHeaders}); any other is left to Spring's resolver.
     */
    private static BearerTokenResolver ignoringPublic(List<String> publicPaths) {
        DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
        AntPathMatcher matcher = new AntPathMatcher();
        return (HttpServletRequest request) -> {
            if (publicPaths.stream().anyMatch(p -> matcher.match(p, request.getRequestURI()))) {
                return null;
            }
            String token = BearerHeaders.token(request.getHeader(HttpHeaders.AUTHORIZATION));
            return token != null ? token : delegate.resolve(request);
        };
    }
}
