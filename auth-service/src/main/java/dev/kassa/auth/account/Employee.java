package dev.kassa.auth.account;

import dev.kassa.platform.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "employees")
public class Employee {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long storeId;
    private Long userId;
    private String role;
    private String firstName = "";
    private String lastName = "";
    private String phone = "";
    private String position = "";
    private boolean isActive = true;
    private LocalDate hiredAt = LocalDate.now();
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();
    private String pinHash;

    protected Employee() {}

    /** Changes the person's details; role and status change through their own methods (they end sessions). */
    public void describe(String firstName, String lastName, String phone, String position) {
        this.firstName = firstName == null ? "" : firstName;
        this.lastName = lastName == null ? "" : lastName;
        this.phone = phone == null ? "" : phone;
        this.position = position == null ? "" : position;
        this.updatedAt = Instant.now();
    }

    public void changeRole(Role role) {
        this.role = role.code();
        this.updatedAt = Instant.now();
    }

    public void activate(boolean active) {
        this.isActive = active;
        this.updatedAt = Instant.now();
    }

    public void pin(String hash) {
        this.pinHash = hash;
        this.updatedAt = Instant.now();
    }

    public boolean hasPin() {
        return pinHash != null;
    }

    public Employee position(String position) {
        this.position = position == null ? "" : position.trim();
        return this;
    }

    public Employee(Long storeId, Long userId, Role role, String firstName, String lastName, String phone) {
        this.storeId = storeId;
        this.userId = userId;
        this.role = role.code();
        this.firstName = firstName == null ? "" : firstName;
        this.lastName = lastName == null ? "" : lastName;
        this.phone = phone == null ? "" : phone;
    }

    public Long id() {
        return id;
    }

    public Long storeId() {
        return storeId;
    }

    public Long userId() {
        return userId;
    }

    public Role role() {
        return Role.fromCode(role).orElseThrow();
    }

    public String phone() {
        return phone;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String position() {
        return position;
    }

    public LocalDate hiredAt() {
        return hiredAt;
    }

    public boolean isActive() {
        return isActive;
    }
}
