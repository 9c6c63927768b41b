package dev.qcurate.query.curatedlist;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recomputes a list's view after an event and, when what it shows changed, makes it the next version: closes the
 * intervals of rows that changed or left, opens rows that changed or arrived, and records the cause. Works on a
 * {@link ListState} in memory and notes the rows to write in {@link ListChanges}.
 */
final class ListVersioning {

    private ListVersioning() {}

    /** Recomputes the list's view from its resolved entries; when what it shows changed, records the next version. */
    static void refresh(ListState list, List<ListView.Entry> resolvedEntries, ListCause cause, ListChanges changes) {
        int current = list.version;
        View before = list.view();
        View after = ListView.of(resolvedEntries);
        if (before.rows().equals(after.rows())) {
            // nothing visible changed: no version; aliases (used by diffs only) follow the current version
            syncAliases(list, before.aliases(), after.aliases(), current, changes);
            return;
        }
        int version = current + 1;
        Set<ViewRow> kept = new HashSet<>(after.rows());
        for (ViewRow row : before.rows()) {
            if (!kept.contains(row)) {
                ListState.OpenRow open = list.openRows.remove(row.questionId());
                if (open.fresh) {
                    open.validTo = version;
                } else {
                    changes.rowsClosed.add(new ListChanges.RowClosed(list.id, row.questionId(), version));
                }
            }
        }
        Set<ViewRow> existing = new HashSet<>(before.rows());
        for (ViewRow row : after.rows()) {
            if (!existing.contains(row)) {
                ListState.OpenRow open = new ListState.OpenRow(row, version, true);
                list.openRows.put(row.questionId(), open);
                changes.rowsOpened.add(new ListChanges.RowOpened(list.id, open));
            }
        }
        list.rows = after.rows();
        syncAliases(list, before.aliases(), after.aliases(), version, changes);
        recordVersion(list, version, cause, before, after, changes);
    }

    /** Records version {@code version} of the list with its cause (it is queued for the change feed when saved). */
    static void recordVersion(
            ListState list, int version, ListCause cause, View before, View after, ListChanges changes) {
        int size = after.rows().size();
        ListDiff.Summary summary = ListDiff.between(before, after).summary();
        changes.versions.add(new ListChanges.Version(list.id, version, cause, size, summary));
        list.version = version;
        list.size = size;
        list.updatedAt = cause.at();
        list.headerChanged = true;
    }

    private static void syncAliases(
            ListState list, List<View.Alias> before, List<View.Alias> after, int version, ListChanges changes) {
        Set<View.Alias> now = new HashSet<>(after);
        Set<View.Alias> then = new HashSet<>(before);
        for (View.Alias gone : before) {
            if (!now.contains(gone)) {
                ListState.OpenAlias open = list.openAliases.remove(gone);
                if (open.fresh) {
                    if (open.validFrom == version) {
                        open.deleted = true;
                    } else {
                        open.validTo = version;
                    }
                } else if (open.validFrom == version) {
                    changes.aliasesDropped.add(new ListChanges.AliasDropped(list.id, gone, version));
                } else {
                    changes.aliasesClosed.add(new ListChanges.AliasClosed(list.id, gone, version));
                }
            }
        }
        for (View.Alias added : after) {
            if (!then.contains(added)) {
                ListState.OpenAlias open = new ListState.OpenAlias(added, version, true);
                list.openAliases.put(added, open);
                changes.aliasesOpened.add(new ListChanges.AliasOpened(list.id, open));
            }
        }
    }
}
