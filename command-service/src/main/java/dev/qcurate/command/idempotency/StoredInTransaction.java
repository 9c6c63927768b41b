package dev.qcurate.command.idempotency;

import dev.qcurate.command.dispatch.InTransaction;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Marks the current request's Idempotency-Key as stored in each of its commands' transactions: the mark commits
 * exactly when the events do. If a retry has taken the claim over meanwhile (this attempt looked abandoned), the
 * command rolls back instead, so two attempts with one key never both store.
 */
@Component
@RequiredArgsConstructor
class StoredInTransaction implements InTransaction {

    private static final ThreadLocal<IdempotentRequests.Claim> CURRENT = new ThreadLocal<>();

    private final IdempotentRequests requests;

    static void begin(IdempotentRequests.Claim claim) {
        CURRENT.set(claim);
    }

    static void end() {
        CURRENT.remove();
    }

    @Override
    public void beforeCommit() {
        IdempotentRequests.Claim claim = CURRENT.get();
        if (claim != null && !requests.markStored(claim)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "a retry with the same Idempotency-Key took this request over; its answer is the retry's");
        }
    }
}
