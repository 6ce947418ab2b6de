package dev.kassa.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** One copy of a proxied call's headers instead of three ({@link SingleHeaderCopy}). */
    @Bean
    static SingleHeaderCopy singleHeaderCopy() {
        return new SingleHeaderCopy();
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
