package dev.kassa.discovery;

import com.netflix.eureka.cluster.PeerEurekaNodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.user.password=registry-secret")
class DiscoveryApplicationTests {

    static final String INSTANCE =
            """
            {"instance":{"instanceId":"rogue:1","hostName":"10.9.9.9","app":"CATALOG-SERVICE","ipAddr":"10.9.9.9","status":"UP",
             "port":{"$":8082,"@enabled":"true"},"dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}
            """;

    @Autowired
    TestRestTemplate http;

    @Autowired
    PeerEurekaNodes peers;

    HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    @Test
    void servesTheRegistryToServicesWithTheCredentials() {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody())
                .contains("UP");
        var apps = http.withBasicAuth("kassa", "registry-secret")
                .exchange("/eureka/apps", HttpMethod.GET, new HttpEntity<>(json()), String.class);
        assertThat(apps.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(apps.getBody()).contains("applications");
    }

    @Test
    void nobodyElseCanRegisterListOrDeregisterInstances() {
        ResponseEntity<String> register = http.exchange(
                "/eureka/apps/CATALOG-SERVICE", HttpMethod.POST, new HttpEntity<>(INSTANCE, json()), String.class);
        assertThat(register.getStatusCode().value()).isEqualTo(401);
        assertThat(register.getBody()).contains("\"code\":\"not_authenticated\"");
        ResponseEntity<String> wrong = http.withBasicAuth("kassa", "guess")
                .exchange(
                        "/eureka/apps/CATALOG-SERVICE",
                        HttpMethod.POST,
                        new HttpEntity<>(INSTANCE, json()),
                        String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(http.exchange(
                                "/eureka/apps/CATALOG-SERVICE/rogue:1",
                                HttpMethod.DELETE,
                                new HttpEntity<>(json()),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(http.exchange("/eureka/apps", HttpMethod.GET, new HttpEntity<>(json()), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        // the rogue instance never made it into the registry
        String apps = http.withBasicAuth("kassa", "registry-secret")
                .exchange("/eureka/apps", HttpMethod.GET, new HttpEntity<>(json()), String.class)
                .getBody();
        assertThat(apps).doesNotContain("10.9.9.9");
    }

    @Test
    void theRegistryIsItsOwnOnlyNodeSoNothingIsReplicatedToAPhantomPeer() {
        // the Eureka client's default service URL (localhost:8761) once counted as a second node: every registration
        // and
        // heartbeat was sent to it, refused with 401 and logged as an error
        assertThat(peers.getPeerEurekaNodes()).isEmpty();
        assertThat(peers.getPeerNodesView()).isEmpty();
    }
}
