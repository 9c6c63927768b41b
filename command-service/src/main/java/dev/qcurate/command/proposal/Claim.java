package dev.qcurate.command.proposal;

import java.time.Instant;

/** A reviewer's hold on a proposal until {@code expiresAt}; an expired claim holds nothing and needs no event. */
record Claim(String holder, Instant expiresAt) {

    boolean heldBy(String reviewer, Instant now) {
        return holder.equals(reviewer) && isLive(now);
    }

    /** Held, at {@code now}, by someone other than {@code reviewer}. */
    boolean blocks(String reviewer, Instant now) {
        return !holder.equals(reviewer) && isLive(now);
    }

    boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }
}
