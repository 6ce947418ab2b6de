package dev.kassa.platform.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param enabled  whether this service keeps files (photos, images) for its stores
 * @param path     where the service serves them, e.g. {@code /api/tasks/files} (behind the gateway's route of the service)
 * @param maxSize  the largest file taken; larger ones are refused with 413 {@code file_too_large}
 * @param storage  where the bytes go: {@code postgres} (the store's schema, the default) or {@code s3}
 * @param s3       the bucket, for {@code storage=s3}
 */
@ConfigurationProperties("kassa.files")
public record FileProperties(
        @DefaultValue("false") boolean enabled,
        String path,
        @DefaultValue("5MB") DataSize maxSize,
        @DefaultValue("postgres") String storage,
        @DefaultValue S3 s3) {

    /**
     * An S3-compatible bucket (AWS S3, MinIO, Ceph, Yandex Object Storage, …).
     *
     * @param endpoint  the service's address ({@code https://storage.example.com}); empty for AWS itself
     * @param region    the region to sign for
     * @param bucket    the bucket; objects are {@code <store schema>/<file id>}
     * @param accessKey with {@code secretKey}: static credentials; empty: the SDK's default chain (environment, IRSA, …)
     * @param secretKey see {@code accessKey}
     * @param pathStyle {@code endpoint/bucket/key} addresses (most S3-compatible services) instead of {@code bucket.endpoint/key}
     */
    public record S3(
            String endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle) {}

    boolean inS3() {
        return "s3".equalsIgnoreCase(storage);
    }
}
