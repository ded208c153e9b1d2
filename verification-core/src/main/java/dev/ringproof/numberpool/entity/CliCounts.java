package dev.ringproof.numberpool.entity;

/** What one caller number did over some days: calls placed and their outcomes, and approvals. */
public record CliCounts(long placed, long ringing, long answered, long failed, long approved) {

    public static final CliCounts NONE = new CliCounts(0, 0, 0, 0, 0);

    public double answerRate() {
        return rate(answered);
    }

    public double failureRate() {
        return rate(failed);
    }

    public double approvalRate() {
        return rate(approved);
    }

    public CliCounts plus(CliCounts other) {
        return new CliCounts(
                placed + other.placed,
                ringing + other.ringing,
                answered + other.answered,
                failed + other.failed,
                approved + other.approved);
    }

    private double rate(long count) {
        return placed == 0 ? 0 : (double) count / placed;
    }
}
