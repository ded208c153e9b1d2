package dev.ringproof.admin.ratelimit;

/** A rate-limit window as people read it: "1 h", "15 min", "90 s", "2 d". */
final class Windows {

    private Windows() {}

    static String of(int seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
