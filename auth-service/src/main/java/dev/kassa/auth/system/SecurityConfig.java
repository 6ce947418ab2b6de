package dev.kassa.auth.system;

import com.nimbusds.jose.JOSEException;
import dev.kassa.auth.token.SigningKeys;
import dev.kassa.platform.security.KassaClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** auth-service verifies its own tokens with its own keys instead of fetching its JWKS over HTTP. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.current().toRSAPublicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(KassaClaims.ISSUER)));
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }
}
