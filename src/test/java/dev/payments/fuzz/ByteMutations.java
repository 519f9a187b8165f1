package dev.payments.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Byte-level mutations of a serialized body; positions are drawn as a fraction (0..10,000) of its length. */
final class ByteMutations {

    /** What is inserted: NUL, invalid UTF-8 (overlong, lone continuation, encoded surrogate), BOM, JSON syntax. */
    private static final List<byte[]> INSERTS = List.of(bytes(0), bytes(0xff), bytes(0xc0, 0xaf), bytes(0x80),
            bytes(0xed, 0xa0, 0x80), bytes(0xef, 0xbb, 0xbf), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xe2, 0x82),
            bytes('"'), bytes('{'), bytes('['), bytes(']'), bytes('}'), bytes(','), bytes(':'), bytes('\\'),
            bytes('\n'), bytes(0x7f), bytes(0x1b), bytes('e', '9', '9', '9'), bytes('-'), bytes('.'), bytes('0'));

    private ByteMutations() {
    }

    static Gen<UnaryOperator<byte[]>> any() {
        Gen<Integer> at = JsonBodies.position();
        return Generate.oneOf(
                at.zip(Generate.range(0, 7), (p, bit) -> body -> flipBit(body, p, bit)),
                at.zip(Generate.pick(INSERTS), (p, bytes) -> body -> insert(body, p, bytes)),
                at.zip(JsonBodies.position(), (p, length) -> body -> delete(body, p, length / 500)),
                at.zip(JsonBodies.position(), (p, length) -> body -> duplicate(body, p, length / 500)),
                at.map(p -> body -> Arrays.copyOf(body, index(body, p))));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static int index(byte[] body, int fraction) {
        return (int) ((long) body.length * fraction / 10_000);
    }

    private static byte[] flipBit(byte[] body, int fraction, int bit) {
        byte[] flipped = body.clone();
        int i = Math.min(index(body, fraction), body.length - 1);
        if (i >= 0) {
            flipped[i] ^= (byte) (1 << bit);
        }
        return flipped;
    }

    private static byte[] insert(byte[] body, int fraction, byte[] bytes) {
        int i = index(body, fraction);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, i);
        out.writeBytes(bytes);
        out.write(body, i, body.length - i);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] body, int fraction, int length) {
        int i = index(body, fraction);
        int end = Math.min(body.length, i + Math.max(1, length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, i);
        out.write(body, end, body.length - end);
        return out.toByteArray();
    }

    private static byte[] duplicate(byte[] body, int fraction, int length) {
        int i = index(body, fraction);
        int end = Math.min(body.length, i + Math.max(1, length));
        return insert(body, fraction, Arrays.copyOfRange(body, i, end));
    }
}
