package dev.kassa.auth.account;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "stores")
public class Store {

    /** The longest values the store's columns take: the forms that open or change a store declare them. */
    public static final int NAME_LENGTH = 255;

    public static final int ADDRESS_LENGTH = 500;
    public static final int PLACE_LENGTH = 100;
    public static final int LEGAL_NAME_LENGTH = 255;
    public static final int TAX_ID_LENGTH = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String slug;
    private String schemaName;
    private String tenantKey;

    @Embedded
    private StoreDetails details = StoreDetails.NONE;

    private String timeZone;
    /** {@code shop} or {@code warehouse}, chosen when the store opens. */
    private String kind = "shop";

    private boolean isActive = true;
    private Long ownerId;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected Store() {}

    public Store(String name, String slug, String schemaName, String tenantKey, String timeZone, Long ownerId) {
        this.name = name;
        this.slug = slug;
        this.schemaName = schemaName;
        this.tenantKey = tenantKey;
        this.timeZone = timeZone;
        this.ownerId = ownerId;
    }

    /** A warehouse keeps stock only (no tills, no shifts); a shop, the default, sells. */
    public Store kind(String kind) {
        this.kind = kind;
        return this;
    }

    public String kind() {
        return kind;
    }

    public Store details(StoreDetails details) {
        this.details = details;
        return this;
    }

    /** A new name and time zone (details through {@link #details(StoreDetails)}); slug, schema and tenant key never change. */
    public Store rename(String name, String timeZone) {
        this.name = name;
        this.timeZone = timeZone;
        this.updatedAt = Instant.now();
        return this;
    }

    public void deactivate() {
        this.isActive = false;
        this.updatedAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public String schemaName() {
        return schemaName;
    }

    public String tenantKey() {
        return tenantKey;
    }

    public StoreDetails details() {
        return details;
    }

    public String timeZone() {
        return timeZone;
    }

    public boolean isActive() {
        return isActive;
    }

    public Long ownerId() {
        return ownerId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
