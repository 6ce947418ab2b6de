package dev.kassa.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureRulesTests {

    @RequestMapping("/api/things")
    static class OnePathEach {
        @GetMapping("/{id}/stock-history")
        void history() {}
    }

    @RequestMapping({"/api/things", "/api/thing_list"})
    static class TwoSpellings {
        @GetMapping({"/low-stock", "/low_stock"})
        void low() {}
    }

    @org.springframework.web.bind.annotation.RestController
    static class GroupsController {
        record GroupRequest(String name) {}
    }

    @org.springframework.stereotype.Service
    static class GroupsService {
        record Settings(boolean on) {}

        void create(GroupsController.GroupRequest request) {}
    }

    @org.springframework.stereotype.Repository
    static class GroupsRepository {
        GroupsService.Settings settings() {
            return null;
        }
    }

    @Test
    void aServiceThatUsesItsControllersRequestOrARepositoryItsServicesTypeFailsTheBuild() {
        com.tngtech.archunit.core.domain.JavaClasses classes =
                new com.tngtech.archunit.core.importer.ClassFileImporter()
                        .importClasses(
                                GroupsController.class,
                                GroupsController.GroupRequest.class,
                                GroupsService.class,
                                GroupsService.Settings.class,
                                GroupsRepository.class);
        java.util.List<String> failed = new java.util.ArrayList<>();
        for (com.tngtech.archunit.lang.ArchRule rule : ArchitectureRules.rules("dev.kassa.platform.test")) {
            if (rule.getDescription().startsWith("only controllers")
                    || rule.getDescription().startsWith("repositories know no service")) {
                if (rule.evaluate(classes).hasViolation()) {
                    failed.add(rule.getDescription());
                }
            }
        }
        assertThat(failed).hasSize(2);
    }

    static class Bodies {
        record Form(String name) {}

        void checked(@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Form form) {}

        void unchecked(@org.springframework.web.bind.annotation.RequestBody Form form) {}

        void raw(@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Object> json) {}
    }

    @Test
    void aRequestBodyOfTheServicesOwnTypeThatIsNotValidatedFailsTheBuild() {
        assertThat(ArchitectureRules.unvalidatedBodies(Bodies.class, "dev.kassa.platform.test"))
                .singleElement()
                .satisfies(failure -> assertThat(failure).contains("unchecked"));
    }

    @Test
    void aMappingWithASecondSpellingFailsTheBuild() {
        assertThat(ArchitectureRules.aliasedMappings(OnePathEach.class)).isEmpty();
        assertThat(ArchitectureRules.aliasedMappings(TwoSpellings.class))
                .hasSize(2)
                .allSatisfy(failure -> assertThat(failure).contains("kassa/path-aliases.txt"));
    }

    @Test
    void aServiceThatSpellsTheRequiredKeyByHandFailsTheBuild(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(
                dir.resolve("Groups.java"),
                "class Groups { void f(E e) { e.add(\"name\", \"validation.required\"); } }");
        java.nio.file.Files.writeString(
                dir.resolve("Tasks.java"), "class Tasks { void f(E e) { e.required(\"title\"); } }");

        assertThat(ArchitectureRules.handSpelledRequired(dir))
                .singleElement()
                .asString()
                .contains("spelled by hand")
                .endsWith("Groups.java");
    }

    @org.springframework.stereotype.Service
    static class Groups {}

    @org.springframework.stereotype.Repository
    static class Batches {}

    static class PurchaseListener {
        @org.springframework.kafka.annotation.KafkaListener(topics = "sales")
        void on(String message) {}
    }

    @Test
    void aClassNamedAgainstItsRoleOrAConsumerOutsideIngestFailsTheBuild() {
        com.tngtech.archunit.core.domain.JavaClasses classes =
                new com.tngtech.archunit.core.importer.ClassFileImporter()
                        .importClasses(Groups.class, Batches.class, PurchaseListener.class, GroupsService.class);
        java.util.List<String> failed = new java.util.ArrayList<>();
        for (com.tngtech.archunit.lang.ArchRule rule : ArchitectureRules.rules("dev.kassa.platform")) {
            if (rule.evaluate(classes).hasViolation()) {
                failed.add(rule.getDescription());
            }
        }
        assertThat(failed)
                .anyMatch(d -> d.contains("named *Service"))
                .anyMatch(d -> d.contains("named *Repository"))
                .anyMatch(d -> d.contains("EventsConsumer"));
    }
}
