package dev.qcurate.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request bodies are read strictly: invalid UTF-8, unknown fields, non-canonical UUIDs, and any string (in any field,
 * at any depth) holding control, bidirectional-override or broken surrogate characters, are refused as 400 before a
 * controller sees them. Only the
 * HTTP converter's mapper is changed; the event serializer keeps the application's mapper as it is.
 */
@Configuration
public class StrictJsonBodies implements WebMvcConfigurer {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                converters.set(
                        i,
                        new StrictUtf8Json(json.getObjectMapper()
                                .copy()
                                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                                .registerModule(new SimpleModule("qcurate-safe-text")
                                        .addDeserializer(String.class, new SafeString())
                                        .addDeserializer(UUID.class, new CanonicalUuid()))));
            }
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259). Jackson's own decoder lets overlong forms and encoded surrogates through, so the
     * body (at most the size limit, see RequestHygieneFilter) is checked with the JDK's strict decoder first.
     */
    static final class StrictUtf8Json extends MappingJackson2HttpMessageConverter {

        StrictUtf8Json(com.fasterxml.jackson.databind.ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public Object read(java.lang.reflect.Type type, Class<?> contextClass, HttpInputMessage input)
                throws IOException {
            return super.read(type, contextClass, checked(input));
        }

        @Override
        protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
            return super.readInternal(type, checked(input));
        }

        private static HttpInputMessage checked(HttpInputMessage input) throws IOException {
            var contentType = input.getHeaders().getContentType();
            if (contentType != null
                    && contentType.getCharset() != null
                    && !StandardCharsets.UTF_8.equals(contentType.getCharset())) {
                return input;
            }
            byte[] body = input.getBody().readAllBytes();
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw new HttpMessageNotReadableException("the request body is not valid UTF-8", e, input);
            }
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            };
        }
    }

    /**
     * A value that only a JSON string gives: a number, boolean, object or array is refused, never coerced into it.
     */
    abstract static class FromStringOnly<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;

        FromStringOnly(Class<T> type) {
            super(type);
            this.type = type;
        }

        @Override
        public final T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            return fromString(parser, context);
        }

        /** Reads the current token, a {@code VALUE_STRING}. */
        abstract T fromString(JsonParser parser, DeserializationContext context) throws IOException;
    }

    /** Only the canonical 8-4-4-4-12 form: no trimming, no Base64 or other lenient forms. */
    static final class CanonicalUuid extends FromStringOnly<UUID> {

        CanonicalUuid() {
            super(UUID.class);
        }

        @Override
        UUID fromString(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText();
            if (!CANONICAL_UUID.matcher(text).matches()) {
                return (UUID) context.handleWeirdStringValue(UUID.class, text, "not a UUID");
            }
            return UUID.fromString(text);
        }
    }

    /** Marks the refusal, so the error answer can name the field without echoing the text. */
    static final class UnsafeTextException extends JsonMappingException {

        UnsafeTextException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    static final class SafeString extends FromStringOnly<String> {

        SafeString() {
            super(String.class);
        }

        @Override
        String fromString(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String problem = value == null ? null : UnsafeText.problem(value);
            if (problem != null) {
                throw new UnsafeTextException(parser, "text " + problem);
            }
            return value;
        }
    }
}
