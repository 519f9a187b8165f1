package dev.payments.fuzz;

import static org.quicktheories.generators.SourceDSL.strings;

import dev.payments.fuzz.QueryMutations.Encoding;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Ids no website, API key, access token or provider has: control characters, over-long, unicode, percent-encoded
 * junk, and real ids spoiled by a control character (so that only the id check stands between them and a lookup).
 */
final class IdMutations {

    private static final List<String> HOSTILE = List.of("\u0000", "a\u0000b", "\u0001", "\t", "\n", "\r\n",
            "\u001f", "\u007f", "\u0085", "\u009f", "f".repeat(23) + "\u0000", "0".repeat(25), "x".repeat(255),
            "x".repeat(2_000), "\u00e9", "\ud83d\ude00", "\ud800", "\u202e", "\ufeff", "%", "%00", "%2500", "%c0%80",
            "%ff", "+", " ", "'; drop table website; --", "null", "*", "\\");
    private static final List<String> SPOILERS = List.of("\u0000", "\n", "\u007f", "\u009f");

    private IdMutations() {
    }

    static Gen<String> any(List<String> realIds) {
        return Generate.frequency(List.of(Pair.of(4, Generate.pick(HOSTILE)),
                Pair.of(2, Generate.pick(realIds).zip(Generate.pick(SPOILERS), String::concat)),
                Pair.of(2, strings().allPossible().ofLengthBetween(1, 40))));
    }

    /** Mostly well-formed percent-encoding, so that most ids reach the service rather than the HTTP layer's 400. */
    static Gen<Encoding> encoding() {
        return Generate.frequency(List.of(Pair.of(8, Generate.constant(Encoding.UTF8)),
                Pair.of(1, Generate.constant(Encoding.LATIN1)), Pair.of(1, Generate.constant(Encoding.RAW)),
                Pair.of(1, Generate.constant(Encoding.BROKEN_PERCENT))));
    }
}
