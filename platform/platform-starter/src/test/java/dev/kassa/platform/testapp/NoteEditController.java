package dev.kassa.platform.testapp;

import dev.kassa.platform.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes any employee of the store may make ({@link Access#MEMBER}) and one of the store's files ({@link Access#FILES},
 * as an import is): what a read-only role's token passes by its rule and the platform still refuses.
 */
@RestController
class NoteEditController {

    record TextRequest(String text) {}

    private final NoteRepository notes;

    NoteEditController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping("/api/notes/{id}")
    @PreAuthorize(Access.MEMBER)
    Map<String, Object> get(@PathVariable long id) {
        return view(notes.findById(id).orElseThrow());
    }

    @PostMapping("/api/notes/quick")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MEMBER)
    @Transactional
    Map<String, Object> create(@RequestBody TextRequest request) {
        return view(notes.save(new Note(request.text(), BigDecimal.ZERO)));
    }

    @PutMapping("/api/notes/{id}")
    @PreAuthorize(Access.MEMBER)
    @Transactional
    Map<String, Object> replace(@PathVariable long id, @RequestBody TextRequest request) {
        Note note = notes.findById(id).orElseThrow();
        note.text = request.text();
        return view(notes.save(note));
    }

    @PatchMapping("/api/notes/{id}")
    @PreAuthorize(Access.MEMBER)
    @Transactional
    Map<String, Object> update(@PathVariable long id, @RequestBody TextRequest request) {
        return replace(id, request);
    }

    @DeleteMapping("/api/notes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MEMBER)
    @Transactional
    void delete(@PathVariable long id) {
        notes.deleteById(id);
    }

    @PostMapping("/api/notes/imports")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.FILES)
    @Transactional
    Map<String, Object> importNotes(@RequestBody TextRequest request) {
        return view(notes.save(new Note(request.text(), BigDecimal.ZERO)));
    }

    private static Map<String, Object> view(Note note) {
        return Map.of("id", note.id, "text", note.text);
    }
}
