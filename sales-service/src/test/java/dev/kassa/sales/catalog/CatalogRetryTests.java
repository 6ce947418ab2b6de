package dev.kassa.sales.catalog;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed calls to catalog are tried again (on another instance): only those that may not have reached it. */
class CatalogRetryTests {

    @Test
    void aConnectionNotMadeIsTriedAgainAReadTimeoutIsNot() {
        // HttpClient 5's connect timeout is a SocketTimeoutException as well: it used to count as a read timeout
        assertThat(CatalogFailures.retryable(new ResourceAccessException(
                        "I/O error", new ConnectTimeoutException("Connect to catalog timed out"))))
                .isTrue();
        assertThat(CatalogFailures.retryable(
                        new ResourceAccessException("I/O error", new HttpHostConnectException("Connection refused"))))
                .isTrue();
        assertThat(CatalogFailures.retryable(
                        new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out"))))
                .isFalse();
    }
}
