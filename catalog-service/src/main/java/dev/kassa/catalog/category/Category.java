package dev.kassa.catalog.category;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "categories")
public class Category {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String slug;
    private String description = "";
    private Long parentId;
    private int sortOrder;
    private boolean isActive = true;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected Category() {}

    Category(String name, String slug, String description, Long parentId, int sortOrder, boolean isActive) {
        assign(name, slug, description, parentId, sortOrder, isActive);
    }

    void update(String name, String slug, String description, Long parentId, int sortOrder, boolean isActive) {
        assign(name, slug, description, parentId, sortOrder, isActive);
        this.updatedAt = Instant.now();
    }

    private void assign(String name, String slug, String description, Long parentId, int sortOrder, boolean isActive) {
        this.name = name;
        this.slug = slug;
        this.description = description == null ? "" : description;
        this.parentId = parentId;
        this.sortOrder = sortOrder;
        this.isActive = isActive;
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

    public Long parentId() {
        return parentId;
    }

    public int sortOrder() {
        return sortOrder;
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
