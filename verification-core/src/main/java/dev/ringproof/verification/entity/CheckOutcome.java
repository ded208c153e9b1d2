package dev.ringproof.verification.entity;

/** What a check did: approved, used up a check with a wrong code, or found the verification closed. */
public enum CheckOutcome {
    APPROVED,
    WRONG_CODE,
    CLOSED
}
