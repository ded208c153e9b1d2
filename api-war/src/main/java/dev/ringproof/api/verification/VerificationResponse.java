package dev.ringproof.api.verification;

import dev.ringproof.api.Times;
import dev.ringproof.verification.entity.Attempt;
import dev.ringproof.verification.entity.Channel;
import dev.ringproof.verification.entity.Verification;
import java.util.List;

/** The Verification of API.md. Never carries a caller number (CLI) or a code. */
public record VerificationResponse(String id, String status, String phone, String country, String reference,
                                   String channel, List<String> workflow, List<AttemptResponse> attempts,
                                   int remainingChecks, String nextFallbackAt, String createdAt, String expiresAt,
                                   Boolean valid) {

    public record AttemptResponse(String channel, String status, String startedAt, String cliPrefix,
                                  int codeLength) {

        static AttemptResponse of(Attempt attempt) {
            return new AttemptResponse(attempt.channel().wireName(), attempt.status().wireName(),
                    Times.rfc3339(attempt.startedAt()), attempt.cliPrefix(), attempt.codeLength());
        }
    }

    public static VerificationResponse of(Verification v) {
        return of(v, null);
    }

    public static VerificationResponse of(Verification v, Boolean valid) {
        return new VerificationResponse(v.id(), v.status().wireName(), v.phone(), v.country(), v.reference(),
                v.currentAttempt().map(a -> a.channel().wireName()).orElse(null),
                v.workflow().stream().map(Channel::wireName).toList(),
                v.attempts().stream().map(AttemptResponse::of).toList(),
                v.remainingChecks(), Times.rfc3339(v.nextFallbackAt()), Times.rfc3339(v.createdAt()),
                Times.rfc3339(v.expiresAt()), valid);
    }
}
