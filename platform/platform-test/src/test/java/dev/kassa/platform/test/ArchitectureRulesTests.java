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

    @Test
    void aMappingWithASecondSpellingFailsTheBuild() {
        assertThat(ArchitectureRules.aliasedMappings(OnePathEach.class)).isEmpty();
        assertThat(ArchitectureRules.aliasedMappings(TwoSpellings.class))
                .hasSize(2)
                .allSatisfy(failure -> assertThat(failure).contains("kassa/path-aliases.txt"));
    }
}
