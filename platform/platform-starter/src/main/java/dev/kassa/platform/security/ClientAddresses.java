package dev.kassa.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the client behind a request, for lockouts and security events. Only the gateway's signed word counts
 * ({@code client_ip} of its service token); an {@code X-Forwarded-For} a caller writes itself is ignored, so requests
 * sent straight to a service are counted by the connection's own address.
 */
public final class ClientAddresses {

    private ClientAddresses() {}

    public static String of(HttpServletRequest request) {
        return ServiceCallFilter.of(request)
                .flatMap(ServiceTokens.ServiceCall::clientAddress)
                .orElseGet(request::getRemoteAddr);
    }
}
