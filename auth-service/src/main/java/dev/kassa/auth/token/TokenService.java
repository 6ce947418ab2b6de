package dev.kassa.auth.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.Membership;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.KassaClaims;
import dev.kassa.platform.security.SecurityEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues tokens (brief §4): RS256 access tokens carrying {@code stores} (tenant_key → role of every
 * active membership), and opaque refresh tokens stored hashed and rotated on every use. A refresh
 * token presented again after its rotation revokes its whole family.
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKeys keys;
    private final JwtEncoder encoder;
    private final JdbcTemplate jdbc;
    private final EmployeeRepository employees;
    private final UserRepository users;
    private final AuthProperties properties;
    private final SecurityEvents events;

    TokenService(SigningKeys keys, JdbcTemplate jdbc, EmployeeRepository employees, UserRepository users, AuthProperties properties,
                 SecurityEvents events) {
        this.events = events;
        this.keys = keys;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.current())));
        this.jdbc = jdbc;
        this.employees = employees;
        this.users = users;
        this.properties = properties;
    }

    /** A fresh pair in a new refresh family. */
    @Transactional
    public TokenPair issue(User user) {
        return issue(user, null);
    }

    /** A fresh pair; with {@code storeId} the tokens open that store only (PIN login on a shared till). */
    @Transactional
    public TokenPair issue(User user, Long storeId) {
        return new TokenPair(access(user, storeId), newRefresh(user.id(), UUID.randomUUID(), storeId));
    }

    /** Ends the session the refresh token belongs to (its whole family); unknown tokens change nothing. */
    @Transactional
    public void logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw FieldErrors.single("refresh", "validation.required");
        }
        jdbc.update("""
                update refresh_tokens set revoked_at = now()
                 where family = (select family from refresh_tokens where token_hash = ?) and revoked_at is null
                """, hash(refreshToken));
    }

    /** Rotates a refresh token: the old one is spent, a new one of the same family comes back with a new access token. */
    @Transactional(noRollbackFor = KassaException.class)
    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw invalidRefresh();
        }
        record Row(long id, long userId, UUID family, Instant expiresAt, Timestamp usedAt, Timestamp revokedAt, Long storeId) { }
        List<Row> rows = jdbc.query("""
                        select id, user_id, family, expires_at, used_at, revoked_at, store_id from refresh_tokens where token_hash = ? for update
                        """,
                (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), (UUID) rs.getObject(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5), rs.getTimestamp(6), (Long) rs.getObject(7)), hash(refreshToken));
        if (rows.isEmpty()) {
            throw invalidRefresh();
        }
        Row row = rows.get(0);
        if (row.usedAt() != null) {
            jdbc.update("update refresh_tokens set revoked_at = now() where family = ? and revoked_at is null", row.family());
            events.record("token_reuse", String.valueOf(row.userId()), "a spent refresh token came back; its family is revoked");
            throw invalidRefresh();
        }
        if (row.revokedAt() != null || row.expiresAt().isBefore(Instant.now())) {
            throw invalidRefresh();
        }
        User user = users.findById(row.userId()).filter(User::isActive).orElseThrow(TokenService::invalidRefresh);
        jdbc.update("update refresh_tokens set used_at = now() where id = ?", row.id());
        return new TokenPair(access(user, row.storeId()), newRefresh(user.id(), row.family(), row.storeId()));
    }

    /** Ends every session of a user (password change or reset): their refresh tokens stop working. */
    @Transactional
    public void revokeAll(long userId) {
        jdbc.update("update refresh_tokens set revoked_at = now() where user_id = ? and revoked_at is null", userId);
    }

    String access(User user, Long onlyStore) {
        Map<String, String> stores = new LinkedHashMap<>();
        for (Membership m : employees.memberships(user.id())) {
            if (onlyStore == null || onlyStore.equals(m.store().id())) {
                stores.put(m.store().tenantKey(), m.employee().role().code());
            }
        }
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(KassaClaims.ISSUER)
                .subject(user.id().toString())
                .claim(KassaClaims.USERNAME, user.username())
                .claim(KassaClaims.STORES, stores)
                .issuedAt(now)
                .claim(KassaClaims.ISSUED_AT_MS, now.toEpochMilli())
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private String newRefresh(long userId, UUID family, Long storeId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into refresh_tokens (token_hash, user_id, family, expires_at, store_id) values (?, ?, ?, ?, ?)",
                hash(token), userId, family, Timestamp.from(Instant.now().plus(properties.refreshTokenTtl())), storeId);
        return token;
    }

    private static KassaException invalidRefresh() {
        return AuthErrors.REFRESH_INVALID.exception();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
