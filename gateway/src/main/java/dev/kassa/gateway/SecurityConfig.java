package dev.kassa.gateway;

import dev.kassa.platform.security.BearerHeaders;
import dev.kassa.platform.security.HeaderCharacters;
import dev.kassa.platform.security.JwksAddresses;
import dev.kassa.platform.security.KassaClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway validates tokens (RS256 from auth-service's JWKS), requires and checks {@code X-Tenant-Key}
 * on store routes; services check the same again (brief §4).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/swagger",
            "/swagger/**",
            "/swagger-ui/**",
            "/webjars/**",
            "/v3/api-docs/**",
            "/api-docs/**",
            "/redoc",
            "/redoc/**",
            "/fallback/**");

    @Bean
    @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
    ReactiveJwtDecoder jwtDecoder(@Value("${kassa.security.jwks-uri}") String jwksUri) {
        // the first address that answers (JwksAddresses: a local suite lists every auth instance)
        List<URI> addresses = JwksAddresses.of(jwksUri);
        WebClient jwks = WebClient.builder()
                .filter((request, next) -> {
                    var answer = next.exchange(request);
                    for (URI other : addresses.subList(1, addresses.size())) {
                        answer = answer.onErrorResume(e -> next.exchange(
                                ClientRequest.from(request).url(other).build()));
                    }
                    return answer;
                })
                .build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        addresses.get(0).toString())
                .webClient(jwks)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(KassaClaims.ISSUER)));
        return new CachingReactiveJwtDecoder(decoder, Clock.systemUTC());
    }

    /** No observation of Spring Security's filters (the server observation covers the request; see the platform's). */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall (encoded dots or slashes in the path, odd characters, unknown methods), its header
     * rule checked without a regular expression per header read ({@link HeaderCharacters}).
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return firewall;
    }

    /** A request the firewall refuses (encoded dots or slashes in the path, odd characters) answers in the error body too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ErrorWriter errors) {
        return (exchange, rejected) ->
                errors.write(exchange, HttpStatus.BAD_REQUEST, "invalid_path", "error.invalid_path");
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http, GatewayProperties properties, ErrorWriter errors, EdgeRevocations revocations) {
        List<String> open = withTrailingSlash(ALWAYS_PUBLIC);
        open.addAll(withTrailingSlash(properties.publicPaths()));
        PathPatterns openPaths = new PathPatterns(open);
        ServerAuthenticationEntryPoint entryPoint = notAuthenticated(errors);
        ServerAccessDeniedHandler denied = (exchange, e) ->
                errors.write(exchange, HttpStatus.FORBIDDEN, "permission_denied", "error.permission_denied");
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                // a token per call, no session: nothing is looked up in or written to a WebSession, no request is
                // kept to replay after a login, a request without a token stays without an authentication
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .authorizeExchange(a -> a.pathMatchers(HttpMethod.OPTIONS)
                        .permitAll()
                        .matchers(exchange -> openPaths.matches(
                                        exchange.getRequest().getPath().value())
                                ? ServerWebExchangeMatcher.MatchResult.match()
                                : ServerWebExchangeMatcher.MatchResult.notMatch())
                        .permitAll()
                        .pathMatchers("/api/**")
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(o -> o.bearerTokenConverter(bearerTokens(openPaths))
                        .jwt(j -> {})
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterAfter(
                        new TenantKeyFilter(withTrailingSlash(properties.tenantlessPaths()), open, errors, revocations),
                        SecurityWebFiltersOrder.AUTHORIZATION)
                .addFilterAfter(
                        new AppRateLimit(properties.appRateLimit(), errors, Clock.systemUTC()),
                        SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    /** A request without a valid token: 401 in the error body, which tells a token that is not valid from none. */
    private static ServerAuthenticationEntryPoint notAuthenticated(ErrorWriter errors) {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return e instanceof InvalidBearerTokenException || e.getCause() instanceof InvalidBearerTokenException
                    ? errors.write(exchange, HttpStatus.UNAUTHORIZED, "token_not_valid", "error.token_not_valid")
                    : errors.write(exchange, HttpStatus.UNAUTHORIZED, "not_authenticated", "error.not_authenticated");
        };
    }

    /**
     * A request's bearer token, none on an open path: a well-formed bearer header is read without Spring's regular
     * expression ({@link BearerHeaders}); any other is left to Spring's converter.
     */
    private static ServerAuthenticationConverter bearerTokens(PathPatterns openPaths) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return exchange -> {
            if (openPaths.matches(exchange.getRequest().getPath().value())) {
                return Mono.empty();
            }
            String token =
                    BearerHeaders.token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            return token != null ? Mono.just(new BearerTokenAuthenticationToken(token)) : bearer.convert(exchange);
        };
    }

    /** Every path works with and without its trailing slash (brief §7), so each exact pattern gets both forms. */
    static List<String> withTrailingSlash(List<String> patterns) {
        List<String> all = new ArrayList<>();
        for (String p : patterns) {
            all.add(p);
            if (!p.endsWith("/**") && !p.endsWith("/")) {
                all.add(p + "/");
            }
        }
        return all;
    }
}
