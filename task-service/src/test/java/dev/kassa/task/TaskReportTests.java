package dev.kassa.task;

import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.Boundaries;
import dev.kassa.platform.test.KassaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.OffsetDateTime;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Reports with photos (issue 12): the shelf check's photo proof, kept per store and served back with its type. */
@KassaIntegrationTest
class TaskReportTests {

    @LocalServerPort
    int port;

    @Autowired
    EmployeeDirectory staff;

    Api as(String store, long user, String role) {
        return StoreStaff.as(port, store, user, role);
    }

    String store() {
        return StoreStaff.store(staff, "rpt");
    }

    long startedTask(String store) {
        Api manager = as(store, 110, "manager");
        long task = manager.post(
                        "/api/tasks/tasks/",
                        json(
                                "title",
                                "Проверить полку с напитками",
                                "assigned_to",
                                20,
                                "due_date",
                                OffsetDateTime.now().plusHours(3).withNano(0).toString()))
                .at("/id")
                .asLong();
        assertThat(as(store, 120, "cashier")
                        .post("/api/tasks/tasks/" + task + "/start/", null)
                        .text("/status"))
                .isEqualTo("in_progress");
        return task;
    }

    @Test
    void aReportWithPhotosSendsTheTaskToReviewAndThePhotosComeBackAsSent() {
        String store = store();
        long task = startedTask(store);
        Api anna = as(store, 120, "cashier");
        Api manager = as(store, 110, "manager");

        Api.Response sent = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form()
                        .field("task", task)
                        .field("description", "Ценники заменены, просрочки нет")
                        .field("actual_hours", "1,5")
                        .file("photos", "shelf.png", "image/png", Api.Images.png())
                        .field("photo_captions", "Полка 3, после")
                        .file("photos[]", "IMG_0001.HEIC", "application/octet-stream", Api.Images.jpeg()));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.text("/actual_hours")).isEqualTo("1.50");
        assertThat(sent.text("/submitted_by_name")).isEqualTo("Кассир Анна");
        assertThat(sent.at("/photos").size()).isEqualTo(2);
        assertThat(sent.text("/photos/0/caption")).isEqualTo("Полка 3, после");
        assertThat(sent.text("/photos/0/content_type")).isEqualTo("image/png");
        assertThat(sent.text("/photos/1/content_type"))
                .as("the type from the bytes, not the name")
                .isEqualTo("image/jpeg");
        String url = sent.text("/photos/0/photo_url");
        assertThat(url).startsWith("http://localhost:" + port + "/api/tasks/files/");
        assertThat(sent.text("/photos/0/photo")).startsWith("/api/tasks/files/");

        Api.Response detail = manager.get("/api/tasks/tasks/" + task + "/");
        assertThat(detail.text("/status"))
                .as("a report on a task in progress sends it to review")
                .isEqualTo("on_review");
        assertThat(detail.at("/reports/0/photos/0/photo_url").asText()).isEqualTo(url);

        Api.Response photo = manager.get(sent.text("/photos/0/photo"));
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.header("Content-Type")).isEqualTo("image/png");
        assertThat(photo.bytes()).isEqualTo(Api.Images.png());
        assertThat(photo.header("Cache-Control")).contains("private").contains("max-age=31536000");
        assertThat(photo.header("ETag")).isNotBlank();
        assertThat(manager.header("If-None-Match", photo.header("ETag"))
                        .get(sent.text("/photos/0/photo"))
                        .status())
                .as("a cached photo is not sent again")
                .isEqualTo(304);

        // rejected with a reason, reworked, reported again and approved
        assertThat(manager.post("/api/tasks/tasks/" + task + "/reject/", json("reason", "Не видно ценников"))
                        .text("/status"))
                .isEqualTo("rejected");
        assertThat(anna.post("/api/tasks/tasks/" + task + "/start/", null).text("/status"))
                .isEqualTo("in_progress");
        assertThat(anna.multipart(
                                "POST",
                                "/api/tasks/reports/",
                                new Api.Form()
                                        .field("task", task)
                                        .field("description", "Переснял")
                                        .field("actual_hours", "0.25")
                                        .file("photos", "again.jpg", "image/jpeg", Api.Images.jpeg()))
                        .status())
                .isEqualTo(201);
        Api.Response approved = manager.post("/api/tasks/tasks/" + task + "/approve/", null);
        assertThat(approved.text("/status")).isEqualTo("completed");
        assertThat(approved.at("/reports").size()).isEqualTo(2);
        assertThat(approved.text("/reports/0/description")).as("newest first").isEqualTo("Переснял");
        assertThat(manager.get("/api/tasks/reports/?task=" + task).at("/count").asInt())
                .isEqualTo(2);

        // a completed task takes no more reports; its author may no longer change them, a manager may
        Api.Response late = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form().field("task", task).field("description", "ещё").field("actual_hours", "1"));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.text("/code")).isEqualTo("invalid_status");
        long first = sent.at("/id").asLong();
        assertThat(anna.patch("/api/tasks/reports/" + first + "/", json("actual_hours", "2"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.patch("/api/tasks/reports/" + first + "/", json("actual_hours", "2"))
                        .text("/actual_hours"))
                .isEqualTo("2.00");
        assertThat(manager.delete("/api/tasks/reports/" + first + "/").status()).isEqualTo(204);
        assertThat(manager.get(sent.text("/photos/0/photo")).status())
                .as("its photos go with it")
                .isEqualTo(404);
        assertThat(manager.get("/api/tasks/reports/?task=" + task).at("/count").asInt())
                .isEqualTo(1);
        // without a task: every report the caller may see, as a paginated list
        Api.Response all = manager.get("/api/tasks/reports/?page_size=1");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.at("/count").asInt()).isEqualTo(1);
        assertThat(all.at("/results/0/task").asLong()).isEqualTo(task);
        assertThat(anna.get("/api/tasks/reports/").at("/count").asInt())
                .as("the assignee sees their task's")
                .isEqualTo(1);
        assertThat(as(store, 130, "cashier")
                        .get("/api/tasks/reports/")
                        .at("/count")
                        .asInt())
                .as("another cashier sees none")
                .isZero();
        assertThat(manager.get("/api/tasks/reports/?task=abc").status()).isEqualTo(400);
        assertThat(manager.get("/api/tasks/reports/?page_size=abc").status())
                .as("a bad page size is refused")
                .isEqualTo(400);
        assertThat(all.at("/next").isNull()).as("one report, one page").isTrue();
        assertThat(all.at("/previous").isNull()).isTrue();
        assertThat(all.at("/results/0/photos").isArray())
                .as("each report with its photos")
                .isTrue();
    }

    @Test
    void photosAreCheckedFromTheirBytesAndSizeAndABadReportLeavesNothing() {
        String store = store();
        long task = startedTask(store);
        Api anna = as(store, 120, "cashier");

        Api.Response notAnImage = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form()
                        .field("task", task)
                        .field("description", "Готово")
                        .field("actual_hours", "1")
                        .file("photos", "shelf.jpg", "image/jpeg", "<html>not a photo</html>".getBytes()));
        assertThat(notAnImage.status()).isEqualTo(415);
        assertThat(notAnImage.text("/code")).isEqualTo("unsupported_media_type");
        assertThat(notAnImage.text("/field")).isEqualTo("photos");

        Api.Response tooLarge = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form()
                        .field("task", task)
                        .field("description", "Готово")
                        .field("actual_hours", "1")
                        .file("photos", "huge.jpg", "image/jpeg", Api.Images.jpeg(5 * 1024 * 1024 + 1)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("/code")).isEqualTo("file_too_large");
        assertThat(tooLarge.at("/max_bytes").asLong()).isEqualTo(5 * 1024 * 1024);

        Api.Response missing = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form().field("task", "полка").field("actual_hours", "-1"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.at("/errors/task").isArray()).isTrue();
        assertThat(missing.at("/errors/description").isArray()).isTrue();
        assertThat(missing.at("/errors/actual_hours").isArray()).isTrue();
        Api.Response captions = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form()
                        .field("task", task)
                        .field("description", "x")
                        .field("actual_hours", "1")
                        .field("photo_captions", "без фото"));
        assertThat(captions.at("/errors/photo_captions").isArray()).isTrue();
        assertThat(anna.post("/api/tasks/reports/", json("task", task, "description", "json", "actual_hours", "1"))
                        .status())
                .as("reports are multipart forms")
                .isEqualTo(415);

        Api.Response detail = anna.get("/api/tasks/tasks/" + task + "/");
        assertThat(detail.text("/status")).as("nothing moved").isEqualTo("in_progress");
        assertThat(detail.at("/reports").size()).as("nothing stored").isZero();
    }

    @Test
    void reportsAndPhotosFollowTheTaskAndTheStore() {
        String store = store();
        long task = startedTask(store);
        Api anna = as(store, 120, "cashier");
        Api bobur = as(store, 130, "cashier");
        Api.Response sent = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form()
                        .field("task", task)
                        .field("description", "Готово")
                        .field("actual_hours", "1")
                        .file("photos", "shelf.png", "image/png", Api.Images.png()));
        long report = sent.at("/id").asLong();
        String photo = sent.text("/photos/0/photo");

        // a cashier who may not see the task sees neither its reports nor may report on it
        assertThat(bobur.get("/api/tasks/reports/" + report + "/").status()).isEqualTo(404);
        assertThat(bobur.get("/api/tasks/reports/?task=" + task).status()).isEqualTo(404);
        assertThat(bobur.multipart(
                                "POST",
                                "/api/tasks/reports/",
                                new Api.Form()
                                        .field("task", task)
                                        .field("description", "я")
                                        .field("actual_hours", "1"))
                        .status())
                .isEqualTo(404);
        assertThat(anna.get("/api/tasks/reports/").at("/count").asInt())
                .as("without a task: the reports of the tasks one sees")
                .isEqualTo(1);
        assertThat(bobur.get("/api/tasks/reports/").at("/count").asInt()).isZero();

        // a cashier who created a task for someone else sees it but does not report on it
        long own = bobur.post(
                        "/api/tasks/tasks/",
                        json(
                                "title",
                                "Разложить товар",
                                "assigned_to",
                                20,
                                "due_date",
                                OffsetDateTime.now().plusHours(3).withNano(0).toString()))
                .at("/id")
                .asLong();
        Api.Response notAssignee = bobur.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form().field("task", own).field("description", "я").field("actual_hours", "1"));
        assertThat(notAssignee.status()).isEqualTo(403);
        assertThat(notAssignee.text("/code")).isEqualTo("permission_denied");

        // another store's owner, with its own key, finds no such photo in their store
        String other = store();
        assertThat(as(other, 110, "owner").get(photo).status()).isEqualTo(404);
        assertThat(as(other, 110, "owner").get("/api/tasks/files/not-a-file/").status())
                .isEqualTo(404);
        Boundaries.assertGuarded(
                new Api("http://localhost:" + port),
                store,
                // the reports' operations are checked in TaskWebTests; a photo is served by the platform's file store
                List.of("GET " + photo));
    }
}
