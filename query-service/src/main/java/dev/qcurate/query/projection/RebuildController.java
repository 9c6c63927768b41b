package dev.qcurate.query.projection;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: rebuild the read model from the event topic, and watch its progress. */
@RestController
@RequiredArgsConstructor
class RebuildController {

    private final ReadModelRebuild rebuild;

    @PostMapping("/api/admin/rebuild")
    ResponseEntity<ReadModelRebuild.Status> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping("/api/admin/rebuild")
    ReadModelRebuild.Status status() {
        return rebuild.status();
    }
}
