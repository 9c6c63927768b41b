package dev.qcurate.devstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureTest {

    @Test
    void sharesOneRunningPostgresAndOneKafkaPerJvm() throws Exception {
        assertThat(TestInfrastructure.postgres()).isSameAs(TestInfrastructure.postgres());
        assertThat(TestInfrastructure.kafka()).isSameAs(TestInfrastructure.kafka());

        TestInfrastructure.postgres().createDatabaseIfMissing("shared_check");
        assertThat(LocalPostgresTest.queryOne(TestInfrastructure.postgres().jdbcUrl("shared_check"), "select 1"))
                .isEqualTo("1");
        assertThat(TestInfrastructure.kafka().isRunning()).isTrue();
        assertThat(TestInfrastructure.kafka().bootstrapServers()).startsWith("127.0.0.1:");
    }
}
