package dev.kassa.platform.files;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.ClientUrls;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The platform's one file store (photos of task reports, product images): each store's files in its own schema
 * ({@code kassa_file}), written in the caller's tenant transaction so a file and the row that points at it are kept or
 * rolled back together. A file is taken only if its bytes are a JPEG, PNG or WebP image (the declared type and name are
 * not believed) and not larger than {@code kassa.files.max-size}. Files never change: their address and ETag (the
 * SHA-256 of the bytes) stay valid for ever, so clients may cache them.
 */
public class FileStore implements AutoCloseable {

    /** Where the store's table is created, added to the tenant migrations when {@code kassa.files.enabled}. */
    public static final String TENANT_MIGRATIONS = "classpath:db/tenant-files";

    /** A file with its bytes. */
    public record Content(StoredFile file, byte[] bytes) {}

    private final JdbcClient sql;
    private final FileProperties properties;
    private final RowMapper<StoredFile> row;
    /** The bucket, when the bytes are kept in S3-compatible storage; null: in the row. */
    private final S3Bytes bucket;

    public FileStore(JdbcClient sql, FileProperties properties) {
        this(sql, properties, properties.inS3() ? new S3Bytes(properties.s3()) : null);
    }

    FileStore(JdbcClient sql, FileProperties properties, S3Bytes bucket) {
        this.sql = sql;
        this.properties = properties;
        this.bucket = bucket;
        this.row = (rs, i) -> new StoredFile(
                rs.getObject("id", UUID.class),
                rs.getString("content_type"),
                rs.getInt("size_bytes"),
                rs.getString("sha256"),
                rs.getTimestamp("created_at").toInstant(),
                path(rs.getObject("id", UUID.class)));
    }

    /** Checks an upload of form field {@code field} and keeps it for the current store; {@code owner} says what it belongs to. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFile put(String field, MultipartFile upload, String owner) {
        if (upload.getSize() > properties.maxSize().toBytes()) {
            throw tooLarge(field);
        }
        try {
            return put(field, upload.getBytes(), owner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFile put(String field, byte[] bytes, String owner) {
        if (bytes.length > properties.maxSize().toBytes()) {
            throw tooLarge(field);
        }
        ImageType type = ImageType.sniff(bytes)
                .orElseThrow(() -> PlatformErrors.UNSUPPORTED_FILE_TYPE.exception(Map.of("field", field), field));
        UUID id = UUID.randomUUID();
        if (bucket != null) {
            String key = key(id);
            bucket.put(key, bytes, type.contentType());
            // the row and the object live or die together: a rolled-back upload takes its object with it
            afterCompletion(false, () -> bucket.delete(key));
        }
        sql.sql("insert into kassa_file (id, content_type, size_bytes, sha256, bytes, owner, storage) "
                        + "values (:id, :type, :size, :sha, :bytes, :owner, :storage)")
                .param("id", id)
                .param("type", type.contentType())
                .param("size", bytes.length)
                .param("sha", sha256(bytes))
                .param("bytes", bucket == null ? bytes : null)
                .param("owner", owner)
                .param("storage", bucket == null ? "postgres" : "s3")
                .update();
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<StoredFile> find(UUID id) {
        return sql.sql("select id, content_type, size_bytes, sha256, created_at from kassa_file where id = :id")
                .param("id", id)
                .query(row)
                .optional();
    }

    @Transactional(readOnly = true)
    public Map<UUID, StoredFile> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql("select id, content_type, size_bytes, sha256, created_at from kassa_file where id in (:ids)")
                .param("ids", ids)
                .query(row)
                .list()
                .stream()
                .collect(Collectors.toMap(StoredFile::id, f -> f));
    }

    @Transactional(readOnly = true)
    public Optional<Content> read(UUID id) {
        return sql.sql(
                        "select id, content_type, size_bytes, sha256, created_at, bytes, storage from kassa_file where id = :id")
                .param("id", id)
                .query((rs, i) -> new Content(
                        row.mapRow(rs, i),
                        "s3".equals(rs.getString("storage")) ? s3().get(key(id)) : rs.getBytes("bytes")))
                .optional();
    }

    /** Deletes the files; objects in the bucket go once the deletion is committed (a rollback keeps them). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> inBucket = sql
                .sql("delete from kassa_file where id in (:ids) returning id, storage")
                .param("ids", ids)
                .query((rs, i) -> "s3".equals(rs.getString("storage")) ? key(rs.getObject("id", UUID.class)) : "")
                .list()
                .stream()
                .filter(k -> !k.isEmpty())
                .toList();
        if (!inBucket.isEmpty()) {
            afterCompletion(true, () -> inBucket.forEach(s3()::delete));
        }
    }

    /** Where clients fetch the file: the path under the service's route at the gateway. */
    public String path(UUID id) {
        return properties.path() + "/" + id + "/";
    }

    /** The absolute address of the file on the host the client called (the gateway's). */
    public String url(UUID id) {
        return ClientUrls.of(path(id));
    }

    /** Closes the bucket's client when the service stops. */
    @Override
    public void close() {
        if (bucket != null) {
            bucket.close();
        }
    }

    public long maxBytes() {
        return properties.maxSize().toBytes();
    }

    /** The object's key: the store's schema, then the file's id. */
    private String key(UUID id) {
        return TenantContext.require().schema() + "/" + id;
    }

    /** Files written to the bucket before a switch back to PostgreSQL are still read from it. */
    private S3Bytes s3() {
        if (bucket == null) {
            throw new IllegalStateException("a file is in S3-compatible storage but kassa.files.storage is not s3");
        }
        return bucket;
    }

    private static void afterCompletion(boolean onCommit, Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if ((status == STATUS_COMMITTED) == onCommit) {
                    action.run();
                }
            }
        });
    }

    private RuntimeException tooLarge(String field) {
        long megabytes = properties.maxSize().toMegabytes();
        return PlatformErrors.FILE_TOO_LARGE.exception(
                Map.of("field", field, "max_bytes", properties.maxSize().toBytes()), field, megabytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
