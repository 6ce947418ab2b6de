package dev.kassa.platform.files;

import dev.kassa.platform.error.PlatformErrors;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;

/**
 * The bytes of the file store's files in an S3-compatible bucket ({@code kassa.files.storage=s3}). Checksums are sent and
 * checked only where S3 requires them, which every S3-compatible service understands; a failing bucket answers 503.
 */
final class S3Bytes implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3Bytes(FileProperties.S3 config) {
        if (config.bucket() == null || config.bucket().isBlank()) {
            throw new IllegalStateException("kassa.files.s3.bucket must name the bucket when kassa.files.storage=s3");
        }
        AwsCredentialsProvider credentials = config.accessKey() == null
                        || config.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(config.pathStyle())
                // a photo is in memory already: sign it whole instead of in aws-chunked frames, which not every
                // S3-compatible service reads
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .chunkedEncodingEnabled(false)
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (config.endpoint() != null && !config.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = config.bucket();
    }

    void put(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(
                    b -> b.bucket(bucket).key(key).contentType(contentType).contentLength((long) bytes.length),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    byte[] get(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /** Best effort: an object left behind costs storage, never correctness (no row points at it). */
    void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            LoggerFactory.getLogger(S3Bytes.class)
                    .warn("Could not delete {} from bucket {}: {}", key, bucket, e.getMessage());
        }
    }

    private RuntimeException unavailable(SdkException e) {
        LoggerFactory.getLogger(S3Bytes.class).warn("File storage (bucket {}) failed: {}", bucket, e.getMessage());
        return PlatformErrors.STORAGE_UNAVAILABLE.exception();
    }

    @Override
    public void close() {
        s3.close();
    }
}
