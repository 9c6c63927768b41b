package dev.qcurate.query.user;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Whether an account's tokens still count ({@link AccessChange}), read by {@link AccountStatus}. Kept out of a
 * rebuild: the table is never emptied, and each row takes only events newer than the last it applied, so replaying
 * the topic from the start never lets an older state (enabled, old token time) come back, not even for a moment.
 */
@Component
@RequiredArgsConstructor
class UserAccessProjection implements Projection {

    private final ProjectedAccounts accounts;

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.USER_ACCESS;
    }

    @Override
    public void apply(StoredEvent event) {
        AccessChange.of(event).ifPresent(accounts::save);
    }

    /** Nothing: who may not read must stay refused while a rebuild replays the topic (see the class comment). */
    @Override
    public void reset() {}
}
