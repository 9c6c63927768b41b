package dev.qcurate.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many aggregates of each type stay in memory between commands ({@code QCURATE_CACHE_QUESTIONS},
 * {@code QCURATE_CACHE_PROPOSALS}: 10,000 each; {@code QCURATE_CACHE_LISTS}: 200, as a list can hold
 * thousands of entries). 0 turns a cache off.
 */
@ConfigurationProperties("qcurate.aggregate-cache")
record AggregateCacheSettings(Long questions, Long proposals, Long lists) {

    AggregateCacheSettings {
        questions = questions == null ? 10_000L : questions;
        proposals = proposals == null ? 10_000L : proposals;
        lists = lists == null ? 200L : lists;
    }
}
