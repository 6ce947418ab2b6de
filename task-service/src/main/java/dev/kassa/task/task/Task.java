package dev.kassa.task.task;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "tasks")
class Task {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String title;
    String description;
    Long assignedTo;
    Long createdBy;
    String priority;
    String status = "pending";
    String category;
    Instant dueDate;
    Instant createdAt = Instant.now();
    Instant updatedAt = Instant.now();

    protected Task() { }

    Task(String title, String description, Long assignedTo, Long createdBy, String priority, String category, Instant dueDate) {
        this.title = title;
        this.description = description;
        this.assignedTo = assignedTo;
        this.createdBy = createdBy;
        this.priority = priority;
        this.category = category;
        this.dueDate = dueDate;
    }
}
