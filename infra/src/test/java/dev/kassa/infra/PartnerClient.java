package dev.kassa.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.util.function.Consumer;

/**
 * Kassa as a partner's code meets it: the Java client that openapi-generator makes from the six committed OpenAPI documents
 * ({@code docs/openapi}, generated into the tests' sources by infra's pom), pointed at a gateway. The client is strict: an
 * answer with a field its document does not declare fails, so a document that disagrees with what the service answers
 * fails the suite.
 */
final class PartnerClient {

    private final String gateway;
    private volatile String token;
    private volatile String store;

    PartnerClient(String gateway) {
        this.gateway = gateway;
    }

    /** From now on every call carries this access token and store key. */
    void signIn(String accessToken, String storeKey) {
        this.token = accessToken;
        this.store = storeKey;
    }

    dev.kassa.client.auth.ApiClient auth() {
        var client = new dev.kassa.client.auth.ApiClient();
        configure(client::updateBaseUri, client::setRequestInterceptor, client.getObjectMapper());
        return client;
    }

    dev.kassa.client.catalog.ApiClient catalog() {
        var client = new dev.kassa.client.catalog.ApiClient();
        configure(client::updateBaseUri, client::setRequestInterceptor, client.getObjectMapper());
        return client;
    }

    dev.kassa.client.sales.ApiClient sales() {
        var client = new dev.kassa.client.sales.ApiClient();
        configure(client::updateBaseUri, client::setRequestInterceptor, client.getObjectMapper());
        return client;
    }

    dev.kassa.client.analytics.ApiClient analytics() {
        var client = new dev.kassa.client.analytics.ApiClient();
        configure(client::updateBaseUri, client::setRequestInterceptor, client.getObjectMapper());
        return client;
    }

    dev.kassa.client.customer.ApiClient customers() {
        var client = new dev.kassa.client.customer.ApiClient();
        configure(client::updateBaseUri, client::setRequestInterceptor, client.getObjectMapper());
        return client;
    }

    dev.kassa.client.task.ApiClient tasks() {
        var client = new dev.kassa.client.task.ApiClient();
        configure(client::updateBaseUri, client::setRequestInterceptor, client.getObjectMapper());
        return client;
    }

    private void authorize(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (store != null) {
            request.header("X-Tenant-Key", store);
        }
    }

    /**
     * What every service's generated client gets (the six {@code ApiClient}s share no type): the gateway, this partner's
     * token and store on each call, and a mapper that fails on a field the document does not declare.
     */
    private void configure(
            Consumer<String> baseUri, Consumer<Consumer<HttpRequest.Builder>> interceptor, ObjectMapper mapper) {
        baseUri.accept(gateway);
        interceptor.accept(this::authorize);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }
}
