package dev.qcurate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.util.ReflectionTestUtils;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One query-service test class's stack, declared as a static {@code @RegisterExtension} field: one database, event
 * topic and consumer group, all named after {@code name}, tokens from the class's own JWK set, one topic writer for
 * the class (positions keep growing across its tests, as they do on the real topic), and the requests its tests
 * share. The field alone points the class's Spring context at the stack (see {@link Registration}).
 */
final class QueryServiceStack implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final TestTokens tokens;
    private ApplicationContext context;
    private EventTopicWriter topic;

    QueryServiceStack(String name) {
        this.name = name;
        try {
            this.tokens = new TestTokens();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test token issuer", e);
        }
    }

    /** The settings that point the class's context at this stack, put in place by {@link Registration}. */
    private Map<String, Object> properties() {
        LocalPostgres postgres = TestInfrastructure.postgres();
        postgres.createDatabaseIfMissing(name);
        return Map.of(
                "spring.datasource.url", postgres.jdbcUrl(name),
                "qcurate.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers(),
                "qcurate.kafka.topic", topicName(),
                "qcurate.kafka.group-id", group(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwksUri());
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        context = SpringExtension.getApplicationContext(extension);
    }

    @Override
    public void afterAll(ExtensionContext extension) throws Exception {
        tokens.close();
        if (topic != null) {
            topic.close();
        }
    }

    String topicName() {
        return name + ".events";
    }

    String group() {
        return name + "-read-model";
    }

    synchronized EventTopicWriter topic() {
        if (topic == null) {
            topic = new EventTopicWriter(
                    TestInfrastructure.kafka().bootstrapServers(), topicName(), context.getBean(ObjectMapper.class));
        }
        return topic;
    }

    TestRestTemplate http() {
        return context.getBean(TestRestTemplate.class);
    }

    String token(String user, String role) {
        return tokens.token(user, role);
    }

    /** A bearer token of a user named after its one role, e.g. reader for READER. */
    HttpHeaders bearer(String role) {
        return bearer(role.toLowerCase(), role);
    }

    HttpHeaders bearer(String user, String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.token(user, role));
        return headers;
    }

    <T> ResponseEntity<T> get(String path, String role, Class<T> type) {
        return http().exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(role)), type);
    }

    <T> ResponseEntity<T> post(String path, Object body, String role, Class<T> type) {
        return http().exchange(path, HttpMethod.POST, new HttpEntity<>(body, bearer(role)), type);
    }

    /** The body of a GET that must answer 200. */
    <T> T ok(String path, String role, Class<T> type) {
        ResponseEntity<T> answer = get(path, role, type);
        assertThat(answer.getStatusCode()).as("%s: %s", path, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Waits (through minPosition) until the read model has applied {@code position}. */
    void awaitApplied(long position) {
        ResponseEntity<String> answer = get("/api/questions?minPosition=" + position, "READER", String.class);
        assertThat(answer.getStatusCode()).as("applied " + position).isEqualTo(HttpStatus.OK);
    }

    /** A question's view once the read model has applied {@code position}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> question(Object id, long position) {
        return ok("/api/questions/" + id + "?minPosition=" + position, "READER", Map.class);
    }

    /** Starts a rebuild as an admin and waits until it is done with at least {@code last}. */
    void rebuildAndAwait(long last) throws InterruptedException {
        HttpEntity<Void> admin = new HttpEntity<>(bearer("ADMIN"));
        ResponseEntity<Map> started = http().exchange("/api/admin/rebuild", HttpMethod.POST, admin, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<?, ?> progress;
        do {
            Thread.sleep(10);
            progress = http().exchange("/api/admin/rebuild", HttpMethod.GET, admin, Map.class)
                    .getBody();
        } while (!"DONE".equals(progress.get("state")) && System.nanoTime() < deadline);
        assertThat(progress.get("state")).isEqualTo("DONE");
        assertThat(((Number) progress.get("position")).longValue()).isGreaterThanOrEqualTo(last);
    }

    /**
     * Finds a test class's {@code QueryServiceStack} field and puts the stack's settings first in its context's
     * environment, as a {@code @DynamicPropertySource} would (listed in {@code META-INF/spring.factories}).
     */
    static final class Registration implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            for (Field field : testClass.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == QueryServiceStack.class) {
                    return new Settings((QueryServiceStack) ReflectionTestUtils.getField(testClass, field.getName()));
                }
            }
            return null;
        }

        private record Settings(QueryServiceStack stack) implements ContextCustomizer {

            @Override
            public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("query-service-stack " + stack.name, stack.properties()));
            }
        }
    }
}
