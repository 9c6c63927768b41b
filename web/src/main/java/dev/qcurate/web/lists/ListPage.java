package dev.qcurate.web.lists;

import java.util.List;

/**
 * What the list page shows: the version that was asked for, in words, the versions to choose from, and its entries.
 *
 * @param shown         which version this is, as a sentence
 * @param latestVersion the newest version of the list
 * @param compareFrom   the version "Compare versions" starts from: the one before the shown one
 * @param releaseLabels labels naming the shown version
 */
record ListPage(
        ListContent list,
        String shown,
        List<VersionOption> versions,
        int latestVersion,
        List<String> releaseLabels,
        String asOfInput,
        int compareFrom) {

    public boolean isLatest() {
        return list.version() == latestVersion;
    }
}
