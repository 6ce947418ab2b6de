package dev.kassa.platform.validation;

import dev.kassa.platform.data.Coded;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneOfTests {

    /** A set whose codes are not its constants' names: what a request spells is the code. */
    enum Size implements Coded {
        A4_40("a4-40"),
        ROLL("58x40");

        private final String code;

        Size(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    enum Plain {
        CASH,
        CARD
    }

    record Form(@OneOf(of = Size.class) String size, @OneOf(of = Plain.class) String method) {}

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
    void aCodedSetIsSpelledByItsCodesAndAnyOtherEnumByItsNamesInLowerCase() {
        assertThat(validator.validate(new Form("a4-40", "cash"))).isEmpty();
        assertThat(validator.validate(new Form("58x40", null))).isEmpty();
        assertThat(validator.validate(new Form("a4_40", "card")))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("size"));
        assertThat(validator.validate(new Form(null, "CASH")))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("method"));
    }
}
