package dev.qcurate.query.proposal;

import dev.qcurate.query.projection.BatchProjection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The review queue and every proposal's decision, for reviewers and for proposers' feedback: each batch is planned in
 * memory ({@link ProposalBatch}) and written by {@link ProposalStore}.
 */
@Component
@RequiredArgsConstructor
class ProposalProjection implements BatchProjection {

    private final ProposalStore store;

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.PROPOSALS;
    }

    @Override
    public void applyBatch(List<StoredEvent> events) {
        ProposalBatch batch = new ProposalBatch();
        events.forEach(batch::apply);
        store.write(batch.writes());
    }

    @Override
    public void reset() {
        store.reset();
    }
}
