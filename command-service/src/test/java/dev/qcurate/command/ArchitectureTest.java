package dev.qcurate.command;

import dev.qcurate.support.ServiceArchitectureTest;

/** The package rules both services share, on this service's code. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.qcurate.command", "dev.qcurate.query");
    }
}
