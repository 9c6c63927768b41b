package dev.qcurate.support;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionSafetyTest {

    private final ProductionSafety safety = new ProductionSafety();

    @Test
    void anEmptyOrDefaultDatabasePasswordIsAProblem() {
        for (String password : new String[] {"", "  ", "postgres", " Postgres ", "changeme", "qcurate-dev"}) {
            assertThat(safety.problems(new MockEnvironment().withProperty("spring.datasource.password", password)))
                    .as(password)
                    .containsExactly("QCURATE_DB_PASSWORD is empty or a default password");
        }
        assertThat(safety.problems(new MockEnvironment())).hasSize(1);
    }

    @Test
    void aRealPasswordIsFine() {
        assertThat(safety.problems(new MockEnvironment().withProperty("spring.datasource.password", "s3cret-enough")))
                .isEmpty();
    }

    @Test
    void onlyTheProdProfileRefusesToStart() {
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        safety.postProcessEnvironment(dev, null);

        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> safety.postProcessEnvironment(prod, null))
                .hasMessage(
                        "qcurate refuses to start with the prod profile: QCURATE_DB_PASSWORD is empty or a default password");
    }
}
