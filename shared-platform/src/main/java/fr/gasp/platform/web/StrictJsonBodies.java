package fr.gasp.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;

/**
 * Request bodies are read strictly, so that what a client meant is never silently replaced by
 * something else: a field the API does not know is refused (a misspelt {@code occuredOn} would
 * otherwise become today's date), and so are a duplicated key, anything after the JSON
 * value, a number where a text is expected or the reverse ({@code "percent": "50"},
 * {@code "title": 12}), a decimal where an integer is expected, an enum given by its position
 * ({@code "outcome": 0}), an empty string for an id, a date or a number, nesting deeper than
 * {@value #MAX_NESTING_DEPTH} levels, a number of more than {@value #MAX_NUMBER_LENGTH}
 * digits, and texts holding control characters other than tab and line breaks or a lone
 * UTF-16 surrogate (PostgreSQL cannot store U+0000, and the query side would then fail on the
 * event forever). Each is a 400. Only HTTP is strict: the mapper that reads stored events
 * stays as it is.
 */
@AutoConfiguration
public class StrictJsonBodies implements WebMvcConfigurer {

    /** Our bodies are two levels deep at most; twenty leaves room and stops a stack of brackets. */
    public static final int MAX_NESTING_DEPTH = 20;
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_NAME_LENGTH = 1_000;

    private final ObjectMapper strict;

    public StrictJsonBodies(ObjectMapper objectMapper) {
        this.strict = strict(objectMapper);
    }

    /** A copy of the app's mapper that reads request bodies as described above. */
    public static ObjectMapper strict(ObjectMapper objectMapper) {
        ObjectMapper strict = objectMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        for (LogicalType type : List.of(LogicalType.OtherScalar, LogicalType.DateTime, LogicalType.Enum)) {
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.registerModule(new SimpleModule("gasp-strict-texts").addDeserializer(String.class, new CleanText()));
        return strict;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(MappingJackson2HttpMessageConverter.class::cast)
                .forEach(converter -> converter.setObjectMapper(strict));
    }

    /** A JSON string, and only a string, with no control character but tab, CR and LF, and no lone surrogate. */
    static final class CleanText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            String fault = fault(text);
            if (fault != null) {
                throw InvalidFormatException.from(parser, fault, text, String.class);
            }
            return text;
        }

        static String fault(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return String.format("caractère de contrôle interdit (U+%04X)", (int) c);
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return String.format("caractère invalide (demi-paire UTF-16 U+%04X)", (int) c);
                }
            }
            return null;
        }
    }
}
