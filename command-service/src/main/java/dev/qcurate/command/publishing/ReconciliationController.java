package dev.qcurate.command.publishing;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.common.KafkaException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;

/** Admins run the relay's reconciliation on demand and see where it stands ({@code /api/admin/**} is ADMIN only). */
@RestController
@RequestMapping("/api/admin/relay/reconciliation")
@RequiredArgsConstructor
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final JdbcTemplate jdbc;

    @GetMapping
    Map<String, Object> state() {
        return jdbc.queryForMap("""
                SELECT reconciled_to AS "reconciledTo", republished AS "republishedTotal", checked_at AS "checkedAt"
                FROM relay_reconciliation WHERE id = 1""");
    }

    @PostMapping
    Reconciliation.Report run() {
        Reconciliation.Report report;
        try {
            report = reconciliation.run();
        } catch (KafkaException | IllegalStateException unreachable) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "the topic or the event store cannot be read now; nothing was changed, retry later");
        }
        if (!report.ran()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a reconciliation is running on another instance");
        }
        return report;
    }
}
