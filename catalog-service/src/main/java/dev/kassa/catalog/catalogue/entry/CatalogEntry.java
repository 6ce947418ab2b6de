package dev.kassa.catalog.catalogue.entry;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What every entry of the catalogue (a category, a product) has, in its own table's columns: an id, a name, a slug
 * unique in the store, a description (never null), whether it is active, and when it was made and last changed
 * (petclinic's {@code NamedEntity}).
 */
@MappedSuperclass
public abstract class CatalogEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String slug;
    private String description = "";
    private boolean isActive = true;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected CatalogEntry() {}

    protected CatalogEntry(String name, String slug, String description) {
        this.slug = slug;
        describe(name, description);
    }

    /** A new name and description (the slug stays: links to the entry keep working). */
    protected final void describe(String name, String description) {
        this.name = name;
        this.description = description == null ? "" : description;
    }

    protected final void relink(String slug) {
        this.slug = slug;
    }

    protected final void active(boolean active) {
        this.isActive = active;
    }

    /** Marks the entry as changed now. */
    protected final void changed() {
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

    public String description() {
        return description;
    }

    public boolean isActive() {
        return isActive;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
