import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud Gateway on its own (infra/kassa bench, row (s)): the gateway's own libraries without Kassa's, one route
 * given by properties, no filter of Kassa's. What a proxied call costs here is the stack's floor under Kassa's gateway.
 * Run by the java launcher from this source file; nothing of it is built into Kassa.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BareGateway {

    public static void main(String[] args) {
        SpringApplication.run(BareGateway.class, args);
    }
}
