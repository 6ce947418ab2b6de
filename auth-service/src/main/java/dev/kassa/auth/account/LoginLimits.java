package dev.kassa.auth.account;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.AuthProperties;
import org.springframework.stereotype.Component;

/** The throttle rules of logins and PIN logins, from {@link AuthProperties}. */
@Component
public class LoginLimits {

    final Throttle.Rule user;
    final Throttle.Rule ip;
    final Throttle.Rule pin;

    LoginLimits(AuthProperties p) {
        this.user = new Throttle.Rule(
                "user",
                p.loginFailures(),
                p.failureWindow(),
                p.lockDuration(),
                AuthErrors.TOO_MANY_ATTEMPTS,
                "login_locked");
        this.ip = new Throttle.Rule(
                "ip",
                p.ipFailures(),
                p.failureWindow(),
                p.lockDuration(),
                AuthErrors.TOO_MANY_ATTEMPTS,
                "login_locked_ip");
        this.pin = new Throttle.Rule(
                "pin", p.pinFailures(), p.failureWindow(), p.lockDuration(), AuthErrors.PIN_LOCKED, "pin_locked");
    }
}
