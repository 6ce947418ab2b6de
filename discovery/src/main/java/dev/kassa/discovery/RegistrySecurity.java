package dev.kassa.discovery;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Only Kassa's own services may register, renew or deregister instances: the registry (and its dashboard) needs the
 * discovery credentials ({@code KASSA_DISCOVERY_USER} / {@code KASSA_DISCOVERY_PASSWORD}) over HTTP Basic. Without a
 * configured password Spring Boot generates a random one, so an unconfigured registry accepts nobody. Health, info and
 * metrics stay open for probes and Prometheus.
 */
@Configuration(proxyBeanMethods = false)
class RegistrySecurity {

    /**
     * The registry's one user. Its password is a long random secret (the launcher makes a new one each run), not a human
     * password, so it is compared as a SHA-256 digest in constant time: bcrypt on every heartbeat and registry fetch cost
     * the registry a fifth of a core under load.
     */
    @Bean
    UserDetailsService registryUser(SecurityProperties properties) {
        return new InMemoryUserDetailsManager(
                User.withUsername(properties.getUser().getName())
                        .password(Sha256.hex(properties.getUser().getPassword()))
                        .authorities("REGISTRY")
                        .build());
    }

    @Bean
    PasswordEncoder registryPasswords() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return Sha256.hex(raw.toString());
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return encoded != null
                        && MessageDigest.isEqual(
                                Sha256.hex(raw.toString()).getBytes(StandardCharsets.US_ASCII),
                                encoded.getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    static final class Sha256 {
        private Sha256() {}

        static String hex(String value) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Bean
    SecurityFilterChain registry(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint refuse = (request, response, e) -> {
            response.setStatus(401);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kassa-discovery\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream()
                    .write(
                            ("{\"status\":\"error\",\"code\":\"not_authenticated\",\"message\":\"Discovery credentials are required.\","
                                            + "\"errors\":{},\"trace_id\":\""
                                            + UUID.randomUUID().toString().replace("-", "") + "\"}")
                                    .getBytes(StandardCharsets.UTF_8));
        };
        return http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(refuse))
                .exceptionHandling(e -> e.authenticationEntryPoint(refuse))
                .headers(Customizer.withDefaults())
                .build();
    }
}
