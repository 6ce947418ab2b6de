package dev.kassa.auth.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@RestController
class JwksController {

    /** The published shape of the answer, a JWK Set (RFC 7517) of RSA public keys: Nimbus writes it, this documents it. */
    record JwkSet(List<Jwk> keys) {
        record Jwk(String kty, String kid, String use, String alg, String n, String e) {}
    }

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Operation(
            summary = "Public keys that verify Kassa access tokens (JWKS)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The JWK Set",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = JwkSet.class))))
    @GetMapping("/api/users/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(keys.publicKeys().toJSONObject());
    }
}
