package dev.kassa.auth.token;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.AuthProperties;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.KassaClaims;
import dev.kassa.platform.security.SecurityEvents;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues tokens (brief §4): RS256 access tokens carrying {@code stores} (tenant_key → role of every
 * active membership), and opaque refresh tokens stored hashed and rotated on every use. A refresh
 * token presented again after its rotation revokes its whole family. Who a token is for comes from
 * {@link TokenSubjects}.
 */
@Service
public class TokenService {

    private final SigningKeys keys;
    private final JwtEncoder encoder;
    private final RefreshTokenRepository refreshTokens;
    private final TokenSubjects subjects;
    private final AuthProperties properties;
    private final SecurityEvents events;

    TokenService(
            SigningKeys keys,
            RefreshTokenRepository refreshTokens,
            TokenSubjects subjects,
            AuthProperties properties,
            SecurityEvents events) {
        this.events = events;
        this.keys = keys;
        this.encoder = new NimbusJwtEncoder(keys.source());
        this.refreshTokens = refreshTokens;
        this.subjects = subjects;
        this.properties = properties;
    }

    /** A fresh pair in a new refresh family for an active user. */
    @Transactional
    public TokenPair issue(long userId) {
        return issue(userId, null);
    }

    /**
     * A fresh pair for an active user; with {@code storeId} the tokens open that store only (PIN login on a shared till). A user
     * deactivated meanwhile (an old access token still in its last seconds) gets none: 401, as a login would answer.
     */
    @Transactional
    public TokenPair issue(long userId, Long storeId) {
        TokenSubject subject =
                subjects.active(userId, storeId).orElseThrow(() -> AuthErrors.BAD_CREDENTIALS.exception());
        return new TokenPair(access(subject), newRefresh(userId, UUID.randomUUID(), storeId));
    }

    /** Ends the session the refresh token belongs to (its whole family); unknown tokens change nothing. */
    @Transactional
    public void logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw FieldErrors.missing("refresh");
        }
        refreshTokens.revokeFamilyOf(OpaqueTokens.hash(refreshToken));
    }

    /** Rotates a refresh token: the old one is spent, a new one of the same family comes back with a new access token. */
    @Transactional(noRollbackFor = KassaException.class)
    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw invalidRefresh();
        }
        RefreshTokenRepository.RefreshToken row =
                refreshTokens.lock(OpaqueTokens.hash(refreshToken)).orElseThrow(TokenService::invalidRefresh);
        if (row.usedAt() != null) {
            refreshTokens.revokeFamily(row.family());
            events.record(
                    "token_reuse",
                    String.valueOf(row.userId()),
                    "a spent refresh token came back; its family is revoked");
            throw invalidRefresh();
        }
        if (row.revokedAt() != null || row.expiresAt().isBefore(Instant.now())) {
            throw invalidRefresh();
        }
        TokenSubject subject = subjects.active(row.userId(), row.storeId()).orElseThrow(TokenService::invalidRefresh);
        refreshTokens.markUsed(row.id());
        return new TokenPair(access(subject), newRefresh(row.userId(), row.family(), row.storeId()));
    }

    /** Ends every session of a user (password change or reset): their refresh tokens stop working. */
    @Transactional
    public void revokeAll(long userId) {
        refreshTokens.revokeAllOf(userId);
    }

    /**
     * An app's access token (client credentials, issue 38): its subject the app's id negated, its one store with the role
     * {@code app}, its scopes as OAuth 2.0 writes them, its client id; as short-lived as an employee's.
     */
    public String appAccess(long appId, String clientId, String name, String tenantKey, List<String> scopes) {
        return sign(accessClaims(-appId, "app:" + name, Map.of(tenantKey, KassaClaims.APP_ROLE))
                .claim(KassaClaims.APP, clientId)
                .claim(KassaClaims.SCOPE, String.join(" ", scopes))
                .build());
    }

    /** How long an access token lives. */
    public Duration accessTokenTtl() {
        return properties.accessTokenTtl();
    }

    String access(TokenSubject subject) {
        return sign(accessClaims(subject.userId(), subject.username(), subject.stores())
                .build());
    }

    /** What every access token says, an employee's or an app's: who, in which stores, issued when, for how long. */
    private JwtClaimsSet.Builder accessClaims(long subject, String username, Map<String, ?> stores) {
        Instant now = Instant.now();
        return JwtClaimsSet.builder()
                .issuer(KassaClaims.ISSUER)
                .subject(Long.toString(subject))
                .claim(KassaClaims.USERNAME, username)
                .claim(KassaClaims.STORES, stores)
                .issuedAt(now)
                .claim(KassaClaims.ISSUED_AT_MS, now.toEpochMilli())
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString());
    }

    private String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keys.current().getKeyID())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private String newRefresh(long userId, UUID family, Long storeId) {
        String token = OpaqueTokens.newToken("");
        refreshTokens.insert(
                OpaqueTokens.hash(token), userId, family, Instant.now().plus(properties.refreshTokenTtl()), storeId);
        return token;
    }

    private static KassaException invalidRefresh() {
        return AuthErrors.REFRESH_INVALID.exception();
    }
}
