package dev.kassa.task.board;

import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A task's fields as sent; {@code deadline} is the original web client's name for {@code due_date} (taken when
 * {@code due_date} is absent), and its {@code store} is not read: the store is the {@code X-Tenant-Key}'s;
 * {@code stock_count}: the stock-take (catalog's count id) a task of category {@code inventory} is about.
 */
@DomainValidated
public record TaskRequest(
        @Required(groups = Whole.class) @Filled @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @OneOf(of = TaskPriority.class, message = "task.priority_invalid") String priority,
        @Size(max = 100) String category,
        @Required(groups = Whole.class) Long assignedTo,
        String dueDate,
        @WorkHours BigDecimal estimatedHours,
        String deadline,
        @Positive Long stockCount) {
    /** The deadline sent, under either name. */
    String due() {
        return dueDate != null ? dueDate : deadline;
    }

    /** The name the deadline was sent under, for its errors. */
    String dueField() {
        return dueDate == null && deadline != null ? "deadline" : "due_date";
    }
}
