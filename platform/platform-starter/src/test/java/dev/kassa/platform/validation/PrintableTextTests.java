package dev.kassa.platform.validation;

import dev.kassa.platform.error.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and texts a printer renders refuse control characters (issue 84, point 4): a NUL, an ESC ({@code ESC p} opens a
 * till's cash drawer), DEL and C1, half of a surrogate pair; tabs and line breaks only in text of several lines. Emoji
 * and every other letter are text.
 */
class PrintableTextTests {

    record Form(
            @PrintableText String name,
            @PrintableText(multiline = true) String notes,
            List<@PrintableText String> names,
            Map<@PrintableText String, @PrintableText String> options) {}

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void lettersEmojiAndSymbolsAreTextAndNoValueIsFine() {
        assertThat(validator.validate(new Form(
                        "Пицца 🍕 «Маргарита» №1 — 30 см, ½ ёжика 😀👍🏽",
                        "Без лука\nи без\tсоли\r\n",
                        List.of("Чай", "☕"),
                        Map.of("Размер", "XL"))))
                .isEmpty();
        assertThat(validator.validate(new Form(null, null, null, null))).isEmpty();
    }

    @Test
    void aControlCharacterInANameIsRefusedOnItsField() {
        for (String name : List.of(
                "Пицца\u0000",
                "Пицца \u001Bp\u0000\u0019\u00fa",
                "Две\nстроки",
                "Таб\tуляция",
                "DEL\u007f",
                "CSI\u009b")) {
            Set<ConstraintViolation<Form>> refused = validator.validate(new Form(name, null, null, null));
            assertThat(refused).as(name).singleElement().satisfies(v -> {
                assertThat(v.getPropertyPath().toString()).isEqualTo("name");
                assertThat(v.getMessageTemplate()).isEqualTo("validation.printable");
            });
        }
    }

    @Test
    void notesMayHaveLinesAndTabsButNoOtherControlCharacter() {
        assertThat(validator.validate(new Form(null, "а\u001Bp", null, null)))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("notes"));
        assertThat(validator.validate(new Form(null, "строка\u0000", null, null)))
                .hasSize(1);
    }

    @Test
    void anElementOfAListOrAMapIsCheckedToo() {
        assertThat(validator.validate(new Form(null, null, List.of("Чай", "Ко\u0007фе"), Map.of())))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("names[1].<list element>"));
        assertThat(validator.validate(new Form(null, null, null, Map.of("Цвет", "Кра\u001Bсный"))))
                .hasSize(1);
        assertThat(validator.validate(new Form(null, null, null, Map.of("Цв\u0000ет", "Красный"))))
                .hasSize(1);
    }

    @Test
    void halfASurrogatePairIsNotText() {
        assertThat(FieldErrors.isPrintable("🍕")).isTrue();
        assertThat(FieldErrors.isPrintable("\uD83C")).isFalse();
        assertThat(FieldErrors.isPrintable("a\uDF55b")).isFalse();
        assertThat(FieldErrors.isPrintable("\uDF55\uD83C"))
                .as("the halves in the wrong order")
                .isFalse();
        assertThat(FieldErrors.isPrintable(null)).isTrue();
    }

    @Test
    void anImportRowOrAnUploadSaysTheSameWithFieldErrors() {
        FieldErrors errors = new FieldErrors()
                .printable("name", "Пицца\u001Bp")
                .printable("unit", "шт")
                .printable("notes", "две\nстроки", true)
                .printable("description", "две\nстроки");
        assertThat(errors.asMap()).containsOnlyKeys("name", "description");
    }
}
