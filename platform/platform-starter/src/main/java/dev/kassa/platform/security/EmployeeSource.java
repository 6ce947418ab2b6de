package dev.kassa.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.EmployeeChanged;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.EmployeeLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the employee directory reads through when it has not heard of someone yet: auth's {@code /internal/employees},
 * asked on behalf of the caller (their token and store) with this service's signature. A store that has just created or
 * reactivated an employee may use them at once, before the event reaches the directory. Only within a caller's request;
 * any failure (auth away, a slow answer) is "not known", as it was before.
 */
public class EmployeeSource implements EmployeeLookup {

    private static final Logger log = LoggerFactory.getLogger(EmployeeSource.class);

    private final RestClient rest;
    private final ServiceTokens serviceTokens;
    private final ObjectMapper json;

    /** {@code json}: the services' mapper (snake_case, as auth answers). */
    public EmployeeSource(RestClient.Builder builder, String baseUrl, ServiceTokens serviceTokens, ObjectMapper json) {
        this.json = json;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(1000);
        requests.setReadTimeout(2000);
        this.rest = builder.baseUrl(baseUrl).requestFactory(requests).build();
        this.serviceTokens = serviceTokens;
    }

    @Override
    public Optional<EmployeeDirectory.Employee> employee(String tenantKey, long employeeId) {
        return fetch(tenantKey, "/internal/employees/" + employeeId);
    }

    @Override
    public Optional<EmployeeDirectory.Employee> ofUser(String tenantKey, long userId) {
        return fetch(tenantKey, "/internal/employees?user=" + userId);
    }

    private Optional<EmployeeDirectory.Employee> fetch(String tenantKey, String path) {
        HttpHeaders caller = CallerHeaders.of(serviceTokens, tenantKey);
        if (!caller.containsKey(HttpHeaders.AUTHORIZATION)) {
            return Optional.empty();
        }
        try {
            String body = rest.get()
                    .uri(path)
                    .headers(h -> h.addAll(caller))
                    .retrieve()
                    .body(String.class);
            EmployeeChanged e = body == null ? null : json.readValue(body, EmployeeChanged.class);
            return Optional.ofNullable(e)
                    .filter(x -> tenantKey.equals(x.tenantKey()))
                    .map(x -> new EmployeeDirectory.Employee(
                            tenantKey, x.employeeId(), x.userId(), x.fullName(), x.role(), x.phone(), x.isActive()));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RuntimeException | IOException e) {
            // auth away, slow, or no instance of it known to the load balancer
            log.warn("The employee directory could not read through to auth ({}): {}", path, e.toString());
            return Optional.empty();
        }
    }
}
