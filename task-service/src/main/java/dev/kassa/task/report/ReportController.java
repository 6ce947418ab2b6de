package dev.kassa.task.report;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports on tasks with photos (spec §7.5 T16): a multipart form ({@code task}, {@code description}, {@code actual_hours},
 * {@code photos}, {@code photo_captions}; the bracketed names {@code photos[]}, {@code photo_captions[]} of PHP-style
 * clients too). Each photo is served back through the gateway at its {@code photo_url}.
 */
@RestController
@RequestMapping("/api/tasks/reports")
class ReportController {

    record ReportEdit(String description, String actualHours) {}

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @Operation(
            summary =
                    "Reports with their photos, newest first, of the tasks the caller may see; filter task; paginated")
    @GetMapping
    @PreAuthorize(Access.MEMBER)
    PageResponse<ReportView> list(@RequestParam(required = false) Long task, PageRequest page, Caller caller) {
        return PageResponse.of(reports.page(caller, task, page), r -> r);
    }

    @Operation(
            summary =
                    "Report on a task with photos (JPEG, PNG or WebP, 5 MB each, at most 10); a task in progress goes to review",
            description =
                    "Sent by the task's assignee, an owner or a manager. 413 file_too_large and 415 unsupported_media_type name "
                            + "the field; the type is read from the photo's bytes, not from its name.")
    @Parameter(
            name = "photo_captions",
            in = ParameterIn.QUERY,
            description =
                    "caption i goes with photo i (a caption may contain commas); a form field or a query parameter",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MEMBER)
    ReportView create(
            @RequestParam(required = false) String task,
            @RequestParam(required = false) String description,
            @Parameter(example = "1.5", schema = @Schema(types = {"number", "string"}))
                    @RequestParam(name = "actual_hours", required = false)
                    String actualHours,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos,
            @RequestPart(name = "photos[]", required = false) List<MultipartFile> bracketedPhotos,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form,
            Caller caller) {
        // read from the form as sent: a single List<String> parameter would be split at its commas
        return reports.submit(
                caller,
                new ReportService.ReportForm(
                        task,
                        description,
                        actualHours,
                        both(photos, bracketedPhotos),
                        both(form.get("photo_captions"), form.get("photo_captions[]"))));
    }

    @Operation(summary = "A report with its photos")
    @GetMapping("/{id}")
    @PreAuthorize(Access.MEMBER)
    ReportView get(@PathVariable long id, Caller caller) {
        return reports.get(caller, id);
    }

    @Operation(summary = "Correct a report's text or hours (its author while the task is open, an owner or a manager)")
    @RequestMapping(
            value = "/{id}",
            method = {RequestMethod.PATCH, RequestMethod.PUT},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Access.MEMBER)
    ReportView edit(@PathVariable long id, @Valid @RequestBody ReportEdit edit, Caller caller) {
        return reports.edit(caller, id, edit.description(), edit.actualHours());
    }

    @Operation(summary = "Delete a report and its photos (its author while the task is open, an owner or a manager)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MEMBER)
    void delete(@PathVariable long id, Caller caller) {
        reports.delete(caller, id);
    }

    private static <T> List<T> both(List<T> plain, List<T> bracketed) {
        List<T> all = new ArrayList<>();
        if (plain != null) {
            all.addAll(plain);
        }
        if (bracketed != null) {
            all.addAll(bracketed);
        }
        return all;
    }
}
