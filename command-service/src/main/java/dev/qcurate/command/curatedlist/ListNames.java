package dev.qcurate.command.curatedlist;

import dev.qcurate.shared.curatedlist.CuratedListId;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps list names unique. Written in the same transaction as the list's creation event, so a name is taken exactly
 * when the list exists.
 */
@Component
@RequiredArgsConstructor
public class ListNames {

    private final JdbcTemplate jdbc;

    void claim(ListName name, CuratedListId id) {
        try {
            jdbc.update("INSERT INTO curated_list_name (name, list_id) VALUES (?, ?)", name.value(), id.value());
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("a list named '" + name.value() + "' already exists");
        }
    }

    public Optional<CuratedListId> find(String name) {
        return jdbc
                .query(
                        "SELECT list_id FROM curated_list_name WHERE name = ?",
                        (rs, row) -> CuratedListId.of(rs.getObject(1, UUID.class)),
                        name.strip())
                .stream()
                .findFirst();
    }
}
