package dev.kassa.platform.security;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Where auth-service's JWKS is fetched from ({@code kassa.security.jwks-uri}): one address (a cluster's Service in front of
 * every ready pod), or several separated by commas (a local suite's auth instances), tried in turn by the services and the
 * gateway alike.
 */
public final class JwksAddresses {

    private JwksAddresses() {}

    public static List<URI> of(String jwksUri) {
        List<URI> addresses = Arrays.stream(jwksUri.split(","))
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .map(URI::create)
                .toList();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("kassa.security.jwks-uri names no address");
        }
        return addresses;
    }
}
