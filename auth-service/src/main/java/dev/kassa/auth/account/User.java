package dev.kassa.auth.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "users")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    private String firstName = "";
    private String lastName = "";
    private String middleName = "";
    private String email = "";
    private String phone;
    private boolean isActive = true;
    private Instant createdAt = Instant.now();
    private Instant lastLoginAt;

    protected User() {}

    public User(
            String username,
            String passwordHash,
            String firstName,
            String lastName,
            String middleName,
            String email,
            String phone) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.firstName = nz(firstName);
        this.lastName = nz(lastName);
        this.middleName = nz(middleName);
        this.email = nz(email);
        this.phone = phone;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String email() {
        return email;
    }

    public boolean isActive() {
        return isActive;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void rename(String username) {
        this.username = username;
    }

    /** "First Last", or the username when both are empty. */
    public String fullName() {
        String full = (firstName + " " + lastName).trim();
        return full.isEmpty() ? username : full;
    }

    public void describe(String firstName, String lastName, String email) {
        this.firstName = firstName == null ? "" : firstName;
        this.lastName = lastName == null ? "" : lastName;
        this.email = email == null ? "" : email;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public void loggedIn() {
        this.lastLoginAt = Instant.now();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
