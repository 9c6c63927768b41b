package dev.qcurate.shared.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a question aggregate. Serialised as the bare UUID string. */
public record QuestionId(@JsonValue UUID value) {

    public QuestionId {
        Objects.requireNonNull(value, "QuestionId value");
    }

    public static QuestionId random() {
        return new QuestionId(UUID.randomUUID());
    }

    @JsonCreator
    public static QuestionId of(UUID value) {
        return new QuestionId(value);
    }

    public static QuestionId parse(String value) {
        return new QuestionId(UUID.fromString(value));
    }

    /** The raw UUID: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value.toString();
    }
}
