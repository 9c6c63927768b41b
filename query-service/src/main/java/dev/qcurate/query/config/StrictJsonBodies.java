package dev.qcurate.query.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;

/**
 * Request bodies are read strictly: unknown fields, and any string (in any field, at any depth) holding control,
 * bidirectional-override or broken surrogate characters, are refused as 400 before a controller sees them. Only the
 * HTTP converter's mapper is changed; the event serializer keeps the application's mapper as it is.
 */
@Configuration
class StrictJsonBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .registerModule(new SimpleModule("qcurate-safe-text")
                                .addDeserializer(String.class, new SafeString())));
            }
        }
    }

    /** Marks the refusal, so the error answer can name the field without echoing the text. */
    static final class UnsafeTextException extends JsonMappingException {

        UnsafeTextException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    static final class SafeString extends StdScalarDeserializer<String> {

        SafeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String problem = value == null ? null : UnsafeText.problem(value);
            if (problem != null) {
                throw new UnsafeTextException(parser, "text " + problem);
            }
            return value;
        }
    }
}
