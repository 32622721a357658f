package jp.ishigaki.detection.detect;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary layout of detection-streams' internal records (rule hits, correlation entries): big-endian numbers and
 * length-prefixed UTF-8 fields (-1 for null), as {@code DataOutputStream} writes them, without its synchronised
 * streams. A length beyond what is left is refused before anything is allocated.
 */
final class BinaryFields {

    private BinaryFields() {
    }

    static String text(ByteBuffer in) {
        int length = length(in);
        if (length < 0) {
            return null;
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    static byte[] blob(ByteBuffer in) {
        int length = length(in);
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A field's length (-1 for null), refused when more than what is left. */
    private static int length(ByteBuffer in) {
        int length = in.getInt();
        if (length < -1 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        return length;
    }

    /** A growing big-endian buffer (the layout {@code DataOutputStream} would write), unsynchronised. */
    static final class Out {

        private byte[] buffer;
        private int size;

        Out(int capacity) {
            buffer = new byte[capacity];
        }

        void writeByte(int value) {
            room(1);
            buffer[size++] = (byte) value;
        }

        void writeInt(int value) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void writeLong(long value) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void text(String value) {
            blob(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void blob(byte[] value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            writeInt(value.length);
            room(value.length);
            System.arraycopy(value, 0, buffer, size, value.length);
            size += value.length;
        }

        byte[] bytes() {
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }

        private void room(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
