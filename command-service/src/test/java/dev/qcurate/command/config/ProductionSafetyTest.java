package dev.qcurate.command.config;

import dev.qcurate.command.CommandServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionSafetyTest {

    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nnot-checked-here\n-----END PRIVATE KEY-----";

    @Test
    void prodProfileRefusesToStartWithDevUsers() {
        assertThatThrownBy(() -> start(
                        "--spring.profiles.active=dev,prod",
                        "--qcurate.jwt.private-key=" + KEY,
                        "--spring.datasource.password=s3cret-enough"))
                .hasMessageContaining("refuses to start with the prod profile")
                .hasMessageContaining("dev users are enabled");
    }

    @Test
    void prodProfileRefusesToStartWithoutASigningKey() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", "--spring.datasource.password=s3cret-enough"))
                .hasMessageContaining("QCURATE_JWT_PRIVATE_KEY is not set");
    }

    @Test
    void prodProfileRefusesToStartWithAnEmptyOrDefaultDatabasePassword() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", "--qcurate.jwt.private-key=" + KEY))
                .hasMessageContaining("QCURATE_DB_PASSWORD is empty or a default password");
        assertThatThrownBy(() -> start(
                        "--spring.profiles.active=prod",
                        "--qcurate.jwt.private-key=" + KEY,
                        "--spring.datasource.password=postgres"))
                .hasMessageContaining("QCURATE_DB_PASSWORD is empty or a default password");
    }

    @Test
    void productionSettingsWithoutDefaultsPass() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("qcurate.jwt.private-key", KEY)
                .withProperty("spring.datasource.password", "s3cret-enough");
        assertThat(new ProductionSafety().problems(environment)).isEmpty();
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(CommandServiceApplication.class).run(args).close();
    }
}
