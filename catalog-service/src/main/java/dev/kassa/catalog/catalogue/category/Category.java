package dev.kassa.catalog.catalogue.category;

import dev.kassa.catalog.catalogue.entry.CatalogEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "categories")
public class Category extends CatalogEntry {
    private Long parentId;
    private int sortOrder;

    protected Category() {}

    Category(String name, String slug, String description, Long parentId, int sortOrder, boolean isActive) {
        assign(name, slug, description, parentId, sortOrder, isActive);
    }

    void update(String name, String slug, String description, Long parentId, int sortOrder, boolean isActive) {
        assign(name, slug, description, parentId, sortOrder, isActive);
        changed();
    }

    private void assign(String name, String slug, String description, Long parentId, int sortOrder, boolean isActive) {
        describe(name, description);
        relink(slug);
        this.parentId = parentId;
        this.sortOrder = sortOrder;
        active(isActive);
    }

    public Long parentId() {
        return parentId;
    }

    public int sortOrder() {
        return sortOrder;
    }
}
