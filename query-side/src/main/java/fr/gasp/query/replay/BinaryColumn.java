package fr.gasp.query.replay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * How a value of each column type a read model uses is written in PostgreSQL's binary COPY
 * format (the type's "send" form): no text to build and escape here, none to parse there.
 * Strict about the Java values it takes: a value that does not fit its column is a bug in a
 * rebuilder, reported with the column's name, never written as something else.
 */
enum BinaryColumn {

    BOOLEAN(16) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.putInt(1);
            out.putByte((Boolean) value ? 1 : 0);
        }
    },
    BYTEA(17) {
        @Override
        void write(CopyBuffer out, Object value) {
            byte[] bytes = (byte[]) value;
            out.putInt(bytes.length);
            out.put(bytes);
        }
    },
    BIGINT(20) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.putInt(8);
            out.putLong(wholeNumber(value));
        }
    },
    SMALLINT(21) {
        @Override
        void write(CopyBuffer out, Object value) {
            long number = wholeNumber(value);
            if (number != (short) number) {
                throw new ArithmeticException(number + " is out of smallint's range");
            }
            out.putInt(2);
            out.putShort((short) number);
        }
    },
    INTEGER(23) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.putInt(4);
            out.putInt(Math.toIntExact(wholeNumber(value)));
        }
    },
    TEXT(25) {
        @Override
        void write(CopyBuffer out, Object value) {
            writeText(out, value);
        }
    },
    VARCHAR(1043) {
        @Override
        void write(CopyBuffer out, Object value) {
            writeText(out, value);
        }
    },
    DATE(1082) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.putInt(4);
            out.putInt(Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
        }
    },
    TIMESTAMP_WITH_TIME_ZONE(1184) {
        @Override
        void write(CopyBuffer out, Object value) {
            Instant instant = value instanceof OffsetDateTime offset ? offset.toInstant()
                    : value instanceof ZonedDateTime zoned ? zoned.toInstant() : (Instant) value;
            out.putInt(8);
            out.putLong(microsSincePostgresEpoch(instant));
        }
    },
    UUID(2950) {
        @Override
        void write(CopyBuffer out, Object value) {
            java.util.UUID id = (java.util.UUID) value;
            out.putInt(16);
            out.putLong(id.getMostSignificantBits());
            out.putLong(id.getLeastSignificantBits());
        }
    };

    /** PostgreSQL counts dates and times from 2000-01-01 (UTC for times). */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;

    private final int typeOid;

    BinaryColumn(int typeOid) {
        this.typeOid = typeOid;
    }

    /** The encoding of a column type (its {@code pg_type} oid), if it is one of these. */
    static Optional<BinaryColumn> ofType(int typeOid) {
        return Arrays.stream(values()).filter(column -> column.typeOid == typeOid).findFirst();
    }

    /** Length, then the value's bytes; {@code value} is not null (a null is a length of -1, written by the caller). */
    abstract void write(CopyBuffer out, Object value);

    /** Any value as its text, as the text format wrote it ({@code toString()}), in UTF-8. */
    private static void writeText(CopyBuffer out, Object value) {
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length);
        out.put(bytes);
    }

    private static long wholeNumber(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw new ClassCastException(value.getClass().getName() + " is not a whole number");
    }

    /** Rounded to the microsecond half to even, as PostgreSQL rounds a time's text. */
    static long microsSincePostgresEpoch(Instant instant) {
        long micros = (instant.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000 + instant.getNano() / 1_000;
        int rest = instant.getNano() % 1_000;
        if (rest > 500 || (rest == 500 && (micros & 1) == 1)) {
            micros++;
        }
        return micros;
    }
}
