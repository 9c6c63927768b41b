package dev.qcurate.shared.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a proposal aggregate: one change awaiting review. Serialised as the bare UUID string. */
public record ProposalId(@JsonValue UUID value) {

    public ProposalId {
        Objects.requireNonNull(value, "ProposalId value");
    }

    public static ProposalId random() {
        return new ProposalId(UUID.randomUUID());
    }

    @JsonCreator
    public static ProposalId of(UUID value) {
        return new ProposalId(value);
    }

    public static ProposalId parse(String value) {
        return new ProposalId(UUID.fromString(value));
    }

    /** The raw UUID: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value.toString();
    }
}
