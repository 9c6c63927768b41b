package dev.qcurate.bench;

/** The top of a report: what ran, how, and on which machine, so its figures can be read in context. */
final class ReportHeader {

    private ReportHeader() {}

    static void markdown(Report report, StringBuilder md) {
        md.append("# qcurate benchmark — ")
                .append(report.options.label())
                .append(", ")
                .append(report.started)
                .append("\n\n");
        md.append("Command: `./qcurate bench")
                .append(report.options.quick() ? " --quick" : "")
                .append("` (")
                .append(report.options.repetitions())
                .append(" repetitions, ")
                .append(report.options.seconds())
                .append(" s per step; figures are medians with the min–max spread over the repetitions).")
                .append(report.options.quick() ? " **Quick smoke run: tiny sizes, the numbers mean nothing.**" : "")
                .append("\n\n");
        md.append("| machine | |\n|---|---|\n");
        report.machine.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| load average after each scenario | ")
                .append(report.loadAfter)
                .append(" |\n");
        md.append("| services' JVM flags | `")
                .append(String.join(" ", report.options.serviceJvm()))
                .append("` |\n");
        md.append("| services' extra environment | ")
                .append(report.options.serviceEnvironment())
                .append(" |\n\n");
    }
}
