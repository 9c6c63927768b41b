package dev.qcurate.command.dispatch;

/**
 * Work that must commit or roll back together with a command's events (e.g. marking its Idempotency-Key as stored):
 * run by {@link PositionInTransaction} in every command's transaction, after the events were appended.
 */
public interface InTransaction {

    void beforeCommit();
}
