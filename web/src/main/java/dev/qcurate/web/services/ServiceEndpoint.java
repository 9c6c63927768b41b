package dev.qcurate.web.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service, called with the signed-in user's token. Errors come back as {@link ServiceProblem} (the service
 * answered) or {@link ServiceDown} (it did not). Reads on the query service wait for the session's last write.
 */
public final class ServiceEndpoint {

    private static final int MAX_PROBLEM_BYTES = 16 * 1024;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final String name;
    private final RestClient http;
    private final ObjectMapper json;
    private final boolean readsAtPosition;

    ServiceEndpoint(
            String name,
            URI base,
            RestClient.Builder builder,
            ClientHttpRequestFactory requests,
            ObjectMapper json,
            boolean readsAtPosition) {
        this.name = name;
        this.http = builder.baseUrl(base.toString())
                .requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> raise(response))
                .build();
        this.json = json;
        this.readsAtPosition = readsAtPosition;
    }

    /** GET {@code path} (with {@code {}} variables) and its query parameters; null parameters are left out. */
    public <T> T get(String path, Map<String, ?> query, Class<T> type, Object... pathVariables) {
        return get(path, query, ParameterizedTypeReference.<T>forType(type), pathVariables);
    }

    public <T> T get(String path, Map<String, ?> query, ParameterizedTypeReference<T> type, Object... pathVariables) {
        return call(() -> http.get()
                .uri(readUri(path, query, pathVariables))
                .headers(this::authorize)
                .retrieve()
                .body(type));
    }

    /** GET {@code path} without query parameters; a 404 is "there is none" (empty), any other error is raised. */
    public <T> Optional<T> find(String path, Class<T> type, Object... pathVariables) {
        try {
            return Optional.ofNullable(get(path, Map.of(), type, pathVariables));
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** A file as the service serves it (an export), for passing on to the browser. */
    public Download download(String path, Map<String, ?> query, Object... pathVariables) {
        ResponseEntity<byte[]> answer = call(() -> http.get()
                .uri(readUri(path, query, pathVariables))
                .headers(this::authorize)
                .retrieve()
                .toEntity(byte[].class));
        HttpHeaders headers = answer.getHeaders();
        MediaType type = headers.getContentType();
        return new Download(
                answer.getBody() == null ? new byte[0] : answer.getBody(),
                type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString(),
                headers.getFirst(HttpHeaders.CONTENT_DISPOSITION));
    }

    public Written post(String path, Object body, Object... pathVariables) {
        return write(HttpMethod.POST, path, Map.of(), MediaType.APPLICATION_JSON, body, pathVariables);
    }

    public Written put(String path, Object body, Object... pathVariables) {
        return write(HttpMethod.PUT, path, Map.of(), MediaType.APPLICATION_JSON, body, pathVariables);
    }

    public Written delete(String path, Object... pathVariables) {
        return write(HttpMethod.DELETE, path, Map.of(), null, null, pathVariables);
    }

    /** POST a raw document (an import) with query parameters. */
    public Written postDocument(
            String path, Map<String, ?> query, MediaType type, byte[] document, Object... pathVariables) {
        return write(HttpMethod.POST, path, query, type, document, pathVariables);
    }

    private Written write(
            HttpMethod method,
            String path,
            Map<String, ?> query,
            MediaType type,
            Object body,
            Object... pathVariables) {
        byte[] bytes = body == null ? null : body instanceof byte[] raw ? raw : json(body);
        Optional<String> idempotencyKey = FormKey.idempotencyKey(method, path, pathVariables, query, bytes);
        ResponseEntity<JsonNode> answer = call(() -> {
            RestClient.RequestBodySpec request =
                    http.method(method).uri(uri(path, query, pathVariables, 0)).headers(this::authorize);
            idempotencyKey.ifPresent(key -> request.header("Idempotency-Key", key));
            if (bytes != null) {
                request.contentType(type).body(bytes);
            }
            return request.retrieve().toEntity(JsonNode.class);
        });
        long position = positionOf(answer);
        ReadPosition.advanceTo(position);
        JsonNode content = answer.getBody() == null ? json.nullNode() : answer.getBody();
        return new Written(answer.getStatusCode().value(), content, position);
    }

    private byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the command as JSON", e);
        }
    }

    /** Sign-in: the only call made without a token. */
    JsonNode anonymousPost(String path, Object body) {
        return call(() -> http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class));
    }

    private Function<UriBuilder, URI> readUri(String path, Map<String, ?> query, Object[] pathVariables) {
        return uri(path, query, pathVariables, readsAtPosition ? ReadPosition.current() : 0);
    }

    private static Function<UriBuilder, URI> uri(
            String path, Map<String, ?> query, Object[] pathVariables, long minPosition) {
        return builder -> {
            builder.path(path);
            query.forEach((key, value) -> {
                if (value != null) {
                    builder.queryParam(key, "{" + key + "}");
                }
            });
            if (minPosition > 0) {
                builder.queryParam("minPosition", minPosition);
            }
            // values go in as template variables, so they are encoded whatever they contain ('+', '&', '{')
            Map<String, Object> variables = new HashMap<>();
            query.forEach((key, value) -> {
                if (value != null) {
                    variables.put(key, value);
                }
            });
            return builder.build(merge(variables, path, pathVariables));
        };
    }

    /** Path variables by position ({@code {id}} …) and query values by name, as one map. */
    private static Map<String, Object> merge(Map<String, Object> variables, String path, Object[] pathVariables) {
        Matcher names = PATH_VARIABLE.matcher(path);
        int i = 0;
        while (names.find()) {
            if (i >= pathVariables.length) {
                throw new IllegalArgumentException("no value for {" + names.group(1) + "} in " + path);
            }
            variables.put(names.group(1), pathVariables[i++]);
        }
        return variables;
    }

    private void authorize(HttpHeaders headers) {
        SignedInUser user = SignedInUser.current();
        if (user == null) {
            throw new ServiceProblem(401, "You are not signed in.", null);
        }
        headers.setBearerAuth(user.accessToken());
        headers.set(
                HttpHeaders.ACCEPT,
                MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE + ", */*;q=0.5");
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw new ServiceDown(name, e);
        }
    }

    private static long positionOf(ResponseEntity<JsonNode> answer) {
        String header = answer.getHeaders().getFirst("X-Qcurate-Position");
        if (header != null) {
            try {
                return Long.parseLong(header.trim());
            } catch (NumberFormatException ignored) {
                // fall back to the body
            }
        }
        JsonNode body = answer.getBody();
        return body != null && body.path("position").canConvertToLong()
                ? body.path("position").asLong()
                : 0;
    }

    /** Any error answer: the problem's detail, or a plain sentence. */
    private void raise(ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (status.value() == 502 || status.value() == 504) {
            throw new ServiceDown(name, null);
        }
        String detail = null;
        try (InputStream body = response.getBody()) {
            byte[] bytes = body.readNBytes(MAX_PROBLEM_BYTES);
            if (bytes.length > 0) {
                JsonNode problem = json.readTree(bytes);
                detail = problem.path("detail").isTextual()
                        ? problem.path("detail").asText()
                        : problem.path("title").isTextual()
                                ? problem.path("title").asText()
                                : null;
            }
        } catch (IOException notJson) {
            // a body that is not problem+json: the plain sentence below
        }
        if (detail == null || detail.isBlank()) {
            detail = name + " answered " + status.value() + ".";
        }
        throw new ServiceProblem(status.value(), detail, retryAfter(response.getHeaders()));
    }

    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
