package dev.kassa.platform.security;

import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Fetches auth-service's JWKS from the first of its addresses that answers ({@link JwksAddresses}): a service whose first
 * auth instance is away still learns a new key from another.
 */
final class FailoverJwksClient extends RestTemplate {

    private final List<URI> addresses;

    FailoverJwksClient(List<URI> addresses) {
        super(requests());
        this.addresses = List.copyOf(addresses);
    }

    private static SimpleClientHttpRequestFactory requests() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        return requests;
    }

    /** Nimbus asks for the first address; an address that cannot be reached or fails on its side passes to the next. */
    @Override
    public <T> ResponseEntity<T> exchange(RequestEntity<?> request, Class<T> responseType) {
        RestClientException last = null;
        for (URI address : addresses) {
            try {
                return super.exchange(
                        new RequestEntity<>(request.getBody(), request.getHeaders(), request.getMethod(), address),
                        responseType);
            } catch (ResourceAccessException | HttpServerErrorException e) {
                last = e;
            }
        }
        throw last != null ? last : new ResourceAccessException("No JWKS address");
    }
}
