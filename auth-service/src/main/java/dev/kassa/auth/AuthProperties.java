package dev.kassa.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Token lifetimes and brute-force limits: {@code login-failures} wrong passwords for one username, or
 * {@code ip-failures} from one address, within {@code failure-window} lock logins for {@code lock-duration};
 * {@code pin-failures} wrong PINs for one store lock that store's PIN login likewise.
 */
@ConfigurationProperties("kassa.auth")
public record AuthProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("5") int loginFailures,
        @DefaultValue("20") int ipFailures,
        @DefaultValue("5") int pinFailures,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("15m") Duration lockDuration) {}
