package dev.qcurate.query.duplicates;

/** Precision, recall and F1 of a yes/no flag against labels. */
record FlagQuality(int truePositives, int falsePositives, int falseNegatives) {

    double precision() {
        return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
