package dev.ringproof.api.compat.sinch;

import dev.ringproof.tenant.entity.Channel;
import java.util.Arrays;
import java.util.Locale;

/**
 * A Sinch verification method and the Ringproof channel that serves it: {@code flashcall} is
 * the missed call, {@code callout} the voice call that reads the code out. Sinch spells the
 * first {@code flashCall} in places; either is read, and the answer is always lower case, the
 * only spelling the Sinch SDKs match.
 */
enum SinchMethod {
    FLASHCALL(Channel.MISSED_CALL),
    SMS(Channel.SMS),
    CALLOUT(Channel.VOICE);

    private final Channel channel;

    SinchMethod(Channel channel) {
        this.channel = channel;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    Channel channel() {
        return channel;
    }

    /** How Sinch names a channel, for verifications started through any door. */
    static SinchMethod of(Channel channel) {
        return Arrays.stream(values())
                .filter(m -> m.channel == channel)
                .findFirst()
                .orElseThrow();
    }
}
