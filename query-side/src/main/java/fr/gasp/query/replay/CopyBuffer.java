package fr.gasp.query.replay;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Bytes for PostgreSQL's binary COPY, appended in network order (big-endian); grows as needed. */
final class CopyBuffer {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes;
    private int size;

    CopyBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    void putByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void putShort(int value) {
        ensure(2);
        SHORT.set(bytes, size, (short) value);
        size += 2;
    }

    void putInt(int value) {
        ensure(4);
        INT.set(bytes, size, value);
        size += 4;
    }

    void putLong(long value) {
        ensure(8);
        LONG.set(bytes, size, value);
        size += 8;
    }

    void put(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    /** Forgets what was appended after {@code length} bytes. */
    void truncate(int length) {
        size = length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
