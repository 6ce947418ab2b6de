package dev.kassa.auth.account;

import dev.kassa.platform.test.WithKassaInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithKassaInfrastructure
@SpringBootTest
class PinSecretTests {

    @Autowired
    AuthSecretRepository secrets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theFirstPinOfADeploymentKeepsItsSecretEvenWhenItsRequestFails() {
        String before = jdbc.queryForList("select secret from auth_secrets where name = 'pin'", String.class).stream()
                .findFirst()
                .orElse(null);
        jdbc.update("delete from auth_secrets where name = 'pin'");
        try {
            PinCodes first = new PinCodes(secrets);
            // the first PIN is hashed inside a request whose transaction then fails (a duplicate, a refusal, a lost
            // connection)
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                        first.hash(1, "4821");
                        throw new IllegalStateException("the request failed after hashing");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            // this instance cached the secret: it must be the stored one, or another instance hashes the same PIN
            // otherwise
            assertThat(jdbc.queryForList("select secret from auth_secrets where name = 'pin'", String.class))
                    .hasSize(1);
            assertThat(new PinCodes(secrets).hash(1, "4821"))
                    .as("another instance")
                    .isEqualTo(first.hash(1, "4821"));
        } finally {
            jdbc.update("delete from auth_secrets where name = 'pin'");
            if (before != null) {
                jdbc.update("insert into auth_secrets (name, secret) values ('pin', ?)", before);
            }
        }
    }
}
