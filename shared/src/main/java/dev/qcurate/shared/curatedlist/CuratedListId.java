package dev.qcurate.shared.curatedlist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a curated list aggregate. Serialised as the bare UUID string. */
public record CuratedListId(@JsonValue UUID value) {

    public CuratedListId {
        Objects.requireNonNull(value, "CuratedListId value");
    }

    public static CuratedListId random() {
        return new CuratedListId(UUID.randomUUID());
    }

    @JsonCreator
    public static CuratedListId of(UUID value) {
        return new CuratedListId(value);
    }

    public static CuratedListId parse(String value) {
        return new CuratedListId(UUID.fromString(value));
    }

    /** The raw UUID: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value.toString();
    }
}
