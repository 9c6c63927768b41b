package dev.qcurate.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.services.Services;
import lombok.RequiredArgsConstructor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/admin/users} on the command service (users live there, not in the read model). */
@Component
@RequiredArgsConstructor
class UsersClient {

    private static final ParameterizedTypeReference<List<JsonNode>> ROWS = new ParameterizedTypeReference<>() {};

    private final Services services;

    List<UserRow> all() {
        List<UserRow> users = new ArrayList<>();
        for (JsonNode row : services.command().get("/api/admin/users", Map.of(), ROWS)) {
            users.add(new UserRow(
                    row.path("username").asText(),
                    roles(row.path("roles")),
                    row.path("enabled").asBoolean(true),
                    row.path("managed").asBoolean(true)));
        }
        return users;
    }

    void create(String username, String password, List<String> roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("roles", roles);
        services.command().post("/api/admin/users", body);
    }

    void changeRoles(String username, List<String> roles) {
        services.command().put("/api/admin/users/{username}/roles", Map.of("roles", roles), username);
    }

    void disable(String username) {
        services.command().post("/api/admin/users/{username}/disable", Map.of(), username);
    }

    void enable(String username) {
        services.command().post("/api/admin/users/{username}/enable", Map.of(), username);
    }

    void resetPassword(String username, String password) {
        services.command().post("/api/admin/users/{username}/password", Map.of("password", password), username);
    }

    /** The store keeps roles as one comma-separated column; an array is read too. */
    private static List<String> roles(JsonNode roles) {
        List<String> list = new ArrayList<>();
        if (roles.isArray()) {
            roles.forEach(role -> list.add(role.asText().strip()));
        } else if (roles.isTextual()) {
            Arrays.stream(roles.asText().split(","))
                    .map(String::strip)
                    .filter(r -> !r.isEmpty())
                    .forEach(list::add);
        }
        return list;
    }
}
