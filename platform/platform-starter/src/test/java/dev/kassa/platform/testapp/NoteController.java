package dev.kassa.platform.testapp;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

@RestController
class NoteController {

    record NoteRequest(@NotBlank(message = "validation.required") String text, BigDecimal amount, Boolean fail) {}

    record NoteResponse(Long id, String text, BigDecimal amount) {}

    private final NoteRepository notes;
    private final OutboxPublisher outbox;

    NoteController(NoteRepository notes, OutboxPublisher outbox) {
        this.notes = notes;
        this.outbox = outbox;
    }

    @PostMapping("/api/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @PreAuthorize(Access.EDIT_CATALOG)
    NoteResponse create(@Valid @RequestBody NoteRequest request) {
        Note note = notes.save(new Note(request.text(), request.amount() == null ? BigDecimal.ZERO : request.amount()));
        outbox.publish(TenantContext.require().key(), new NoteCreated(request.text()));
        if (Boolean.TRUE.equals(request.fail())) {
            throw new IllegalStateException("boom: internal detail that must not leak");
        }
        if ("database away".equals(request.text())) {
            // what a request meets while PostgreSQL restarts: no connection to be had
            throw new CannotGetJdbcConnectionException(
                    "Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }
        return new NoteResponse(note.id, note.text, note.amount);
    }

    @GetMapping("/api/notes")
    @PreAuthorize(Access.READ_CATALOG)
    List<NoteResponse> list() {
        return notes.findAll().stream()
                .map(n -> new NoteResponse(n.id, n.text, n.amount))
                .toList();
    }

    /** A list's page as a parameter ({@code PageParameters}): page and page_size, or limit and offset. */
    @GetMapping("/api/notes/page")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<NoteResponse> page(PageRequest page) {
        return PageResponse.of(
                notes.findAll(page.withSort(Sort.by("id"))), n -> new NoteResponse(n.id, n.text, n.amount));
    }

    /** An operation with no Access rule (it would check the caller itself): employees only, never an app. */
    @GetMapping("/api/notes/mine")
    Map<String, Object> mine(Caller caller) {
        return Map.of("user", caller.userId());
    }

    @GetMapping("/api/notes/refunds")
    @PreAuthorize(Access.MANAGE_SALES)
    List<String> managersOnly() {
        return List.of();
    }

    /** Two-word names around a variable: either separator reaches it, and the variable's value is kept as sent. */
    @GetMapping("/api/notes/by-text/{text}/word_count")
    @PreAuthorize(Access.READ_CATALOG)
    Map<String, Object> wordCount(@PathVariable String text) {
        return Map.of("text", text, "words", text.split("[-_ ]+").length);
    }

    @GetMapping("/api/public/ping")
    Map<String, String> ping() {
        return Map.of("pong", "ok");
    }
}
