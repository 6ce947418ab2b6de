package dev.kassa.catalog.category;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "units")
public class Unit {
    @Id
    private Long id;
    private String code;
    private String name;
    private String shortName;
    private boolean isActive;

    protected Unit() { }

    public Long id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public String shortName() { return shortName; }
}
