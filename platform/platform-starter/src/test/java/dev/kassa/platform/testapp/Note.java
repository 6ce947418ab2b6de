package dev.kassa.platform.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.math.BigDecimal;

@Entity
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String text;
    BigDecimal amount;

    protected Note() {}

    Note(String text, BigDecimal amount) {
        this.text = text;
        this.amount = amount;
    }
}
