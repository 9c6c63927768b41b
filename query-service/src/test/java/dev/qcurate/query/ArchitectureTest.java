package dev.qcurate.query;

import dev.qcurate.support.ServiceArchitectureTest;

/** The package rules both services share, on this service's code. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.qcurate.query", "dev.qcurate.command");
    }
}
