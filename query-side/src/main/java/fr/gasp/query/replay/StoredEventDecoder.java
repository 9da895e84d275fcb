package fr.gasp.query.replay;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a stored event's columns back into what the processors get, a million times over in
 * a rebuild: as the processors' serializer does (its own {@code ObjectMapper}, same
 * configuration), but with what it looks up for every event looked up once — the payload
 * class and its reader for each stored type, the metadata's map reader — and the time stamps
 * Axon writes ({@link Instant#toString()}: {@code 2024-05-02T10:15:30.123Z}) read by position.
 * Anything else (another serializer, a type it does not know, another time stamp shape) goes
 * the serializer's or {@link Instant#parse}'s own way. One decoder per rebuild, one thread.
 */
final class StoredEventDecoder {

    private final Serializer serializer;
    private final ObjectMapper json;
    private final ObjectReader metaDataReader;
    private final Map<String, ObjectReader> payloadReaders = new HashMap<>();

    StoredEventDecoder(Serializer serializer) {
        this.serializer = serializer;
        this.json = serializer instanceof JacksonSerializer jackson ? jackson.getObjectMapper() : null;
        JavaType metaDataType = json == null ? null
                : json.getTypeFactory().constructMapType(Map.class, String.class, Object.class);
        this.metaDataReader = json == null ? null : json.readerFor(metaDataType);
    }

    Object payload(byte[] stored, String type, String revision) {
        ObjectReader reader = json == null ? null : payloadReaders.computeIfAbsent(type, this::readerFor);
        if (reader == null) {
            return serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class, type, revision));
        }
        try {
            return reader.readValue(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Événement illisible (" + type + ")", e);
        }
    }

    MetaData metaData(byte[] stored) {
        if (stored == null) {
            return MetaData.emptyInstance();
        }
        if (metaDataReader == null) {
            return serializer.deserialize(new SerializedMetaData<>(stored, byte[].class));
        }
        try {
            Map<String, Object> entries = metaDataReader.readValue(stored);
            return MetaData.from(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Métadonnées d'événement illisibles", e);
        }
    }

    /** {@code null} where the serializer must decide itself (empty or unknown type). */
    private ObjectReader readerFor(String type) {
        Class<?> payloadClass = serializer.classForType(new SimpleSerializedType(type, null));
        if (payloadClass == null || UnknownSerializedType.class.isAssignableFrom(payloadClass)
                || Void.class.equals(payloadClass)) {
            return null;
        }
        return json.readerFor(payloadClass);
    }

    /** Axon's stored time stamp, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}. */
    static Instant timestamp(String stored) {
        int length = stored.length();
        if (length < 20 || stored.charAt(4) != '-' || stored.charAt(7) != '-' || stored.charAt(10) != 'T'
                || stored.charAt(13) != ':' || stored.charAt(16) != ':' || stored.charAt(length - 1) != 'Z') {
            return Instant.parse(stored);
        }
        try {
            int nanos = 0;
            if (length > 20) {
                if (stored.charAt(19) != '.' || length > 30) {
                    return Instant.parse(stored);
                }
                int digits = length - 21;
                nanos = digits(stored, 20, length - 1);
                for (int scale = digits; scale < 9; scale++) {
                    nanos *= 10;
                }
            }
            return LocalDateTime.of(digits(stored, 0, 4), digits(stored, 5, 7), digits(stored, 8, 10),
                    digits(stored, 11, 13), digits(stored, 14, 16), digits(stored, 17, 19), nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Instant.parse(stored);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int index = from; index < to; index++) {
            char digit = text.charAt(index);
            if (digit < '0' || digit > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }
}
