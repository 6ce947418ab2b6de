package dev.kassa.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param publicPaths     reachable without a token
 * @param tenantlessPaths need a token but no {@code X-Tenant-Key}
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param authRateLimit   requests per minute and client address to login, PIN login, registration and token refresh
 * @param trustedProxyHops how many proxies in front of the gateway append to X-Forwarded-For (0: clients connect directly)
 */
@ConfigurationProperties("kassa.gateway")
record GatewayProperties(@DefaultValue({}) List<String> publicPaths, @DefaultValue({}) List<String> tenantlessPaths,
                         @DefaultValue("1048576") long maxRequestBytes, @DefaultValue("30") int authRateLimit,
                         @DefaultValue("0") int trustedProxyHops) {
}
