package dev.qcurate.command.importing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which document contents have been imported, and what their import answered (table {@code import_record}). */
@Component
class ImportRecords {

    private final JdbcTemplate jdbc;
    private final Duration claimTimeout;

    /**
     * @param claimTimeout how long an unfinished import keeps its claim; a process that died mid-import never
     *                     releases it, and without this bound every later upload of the document would answer 409
     */
    ImportRecords(JdbcTemplate jdbc, @Value("${qcurate.import.claim-timeout:PT10M}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.claimTimeout = claimTimeout;
    }

    /** An earlier import of the same content; {@code answer} is null while it is still running. */
    record Earlier(UUID importId, String answer, Instant at) {}

    /** Claims the content for a new import, or gives the import that claimed it first. */
    Optional<Earlier> claim(String contentSha256, UUID importId, String source, String user) {
        int claimed = jdbc.update("""
                INSERT INTO import_record (content_sha256, import_id, source, imported_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (content_sha256) DO NOTHING""", contentSha256, importId, source, user);
        if (claimed == 1) {
            return Optional.empty();
        }
        int takenOver = jdbc.update("""
                UPDATE import_record SET import_id = ?, source = ?, imported_by = ?, created_at = now()
                WHERE content_sha256 = ? AND answer IS NULL AND created_at < now() - make_interval(secs => ?)""", importId, source, user, contentSha256, (double) claimTimeout.toSeconds());
        if (takenOver == 1) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT import_id, answer, created_at FROM import_record WHERE content_sha256 = ?",
                        (rs, row) -> new Earlier(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()),
                        contentSha256)
                .stream()
                .findFirst();
    }

    void complete(String contentSha256, UUID listId, String answer) {
        jdbc.update(
                "UPDATE import_record SET list_id = ?, answer = ? WHERE content_sha256 = ?",
                listId,
                answer,
                contentSha256);
    }

    /** What a finished import answered, and when it started. */
    record Finished(String answer, Instant at) {}

    /** What a finished import answered, by its id. */
    Optional<Finished> answerOf(UUID importId) {
        return jdbc
                .query(
                        "SELECT answer, created_at FROM import_record WHERE import_id = ? AND answer IS NOT NULL",
                        (rs, row) ->
                                new Finished(rs.getString(1), rs.getTimestamp(2).toInstant()),
                        importId)
                .stream()
                .findFirst();
    }

    /** Gives up a claim whose import failed before it finished, so the document can be imported again. */
    void release(String contentSha256) {
        jdbc.update("DELETE FROM import_record WHERE content_sha256 = ? AND answer IS NULL", contentSha256);
    }
}
