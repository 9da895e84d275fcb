package fr.gasp.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.Revision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event as the command side stores it: payload and metadata are JSON written by Axon's
 * JacksonSerializer with Spring Boot's ObjectMapper (ISO dates, nulls kept), the payload
 * type is the record's class name and the revision its {@link Revision}; the metadata holds
 * the actor and role the command side stamps plus Axon's trace and correlation ids (the
 * command's id). The run checks these bytes against rows the command side wrote itself.
 */
final class StoredEventFormat {

    /** What Spring Boot's Jackson auto-configuration gives the apps (they do not customise it). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredEventFormat() {
    }

    static byte[] payload(Object event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event, e);
        }
    }

    static String payloadType(Object event) {
        return event.getClass().getName();
    }

    static String revision(Object event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    /**
     * One command's metadata: Axon's origin provider sets both ids to the command message's
     * id. The keys in the order the command side's rows show them (the run checks it).
     */
    static byte[] metaData(String actor, String role, UUID commandId) {
        Map<String, String> metaData = new LinkedHashMap<>();
        metaData.put("actor", actor);
        metaData.put("traceId", commandId.toString());
        metaData.put("correlationId", commandId.toString());
        metaData.put("role", role);
        try {
            return JSON.writeValueAsBytes(metaData);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
