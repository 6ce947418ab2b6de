package dev.kassa.auth.account;

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
    private String description = "";
    private String address = "";
    private String city = "";
    private String region = "";
    private String phone = "";
    private String email = "";
    private String legalName = "";
    private String taxId = "";
    private String timeZone;
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

    public Store details(
            String description,
            String address,
            String city,
            String region,
            String phone,
            String email,
            String legalName,
            String taxId) {
        this.description = nz(description);
        this.address = nz(address);
        this.city = nz(city);
        this.region = nz(region);
        this.phone = nz(phone);
        this.email = nz(email);
        this.legalName = nz(legalName);
        this.taxId = nz(taxId);
        return this;
    }

    /** A new name and time zone (details through {@link #details}); slug, schema and tenant key never change. */
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

    public String description() {
        return description;
    }

    public String address() {
        return address;
    }

    public String city() {
        return city;
    }

    public String region() {
        return region;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String legalName() {
        return legalName;
    }

    public String taxId() {
        return taxId;
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

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
