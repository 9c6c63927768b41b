package dev.qcurate.system;

import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several command-service and query-service processes on one database and topic, wired like {@link Qcurate} (and
 * like {@code ./qcurate up} with QCURATE_QUERY_INSTANCES), each role with settings of the test's own. Instances
 * are started in order; the first query instance answers {@link #as}.
 */
final class ScaledSystem implements AutoCloseable {

    static final String PASSWORD = Qcurate.PASSWORD;

    final String name;
    final String jdbcUrl;
    final String topic;
    final List<ServiceProcess> commands = new ArrayList<>();
    final List<ServiceProcess> queries = new ArrayList<>();
    /** The instances' API addresses (a process's own url() is its management port's, when one is set). */
    final List<String> commandUrls = new ArrayList<>();

    final List<String> queryUrls = new ArrayList<>();

    private ScaledSystem(String name, LocalPostgres postgres) {
        this.name = name;
        postgres.createDatabaseIfMissing(name);
        this.jdbcUrl = postgres.jdbcUrl(name);
        this.topic = name + ".events";
    }

    /** {@code commandInstances} command services with {@code commandSettings}, and {@code queryInstances} query services. */
    static ScaledSystem start(
            String name, int commandInstances, Map<String, String> commandSettings, int queryInstances)
            throws Exception {
        return start(name, commandInstances, commandSettings, queryInstances, Map.of());
    }

    /** As {@link #start(String, int, Map, int)}, the query instances with {@code querySettings}. */
    static ScaledSystem start(
            String name,
            int commandInstances,
            Map<String, String> commandSettings,
            int queryInstances,
            Map<String, String> querySettings)
            throws Exception {
        return start(
                name, TestInfrastructure.postgres(), commandInstances, commandSettings, queryInstances, querySettings);
    }

    /** As {@link #start(String, int, Map, int, Map)}, on a PostgreSQL of the test's own (e.g. one it restarts). */
    static ScaledSystem start(
            String name,
            LocalPostgres postgres,
            int commandInstances,
            Map<String, String> commandSettings,
            int queryInstances,
            Map<String, String> querySettings)
            throws Exception {
        ScaledSystem system = new ScaledSystem(name, postgres);
        try {
            int[] queryPorts = new int[queryInstances];
            for (int i = 0; i < queryInstances; i++) {
                queryPorts[i] = ServiceProcess.freePort();
            }
            int firstCommandPort = 0;
            for (int i = 0; i < commandInstances; i++) {
                int port = ServiceProcess.freePort();
                firstCommandPort = i == 0 ? port : firstCommandPort;
                Map<String, String> env = system.environment(firstCommandPort, queryPorts[0]);
                env.put("QCURATE_COMMAND_PORT", Integer.toString(port));
                env.putAll(commandSettings);
                ServiceProcess process =
                        new ServiceProcess(name + "-command-" + i, "qcurate.command-jar", healthPort(port, env), env);
                system.commands.add(process);
                system.commandUrls.add("http://127.0.0.1:" + port);
                process.start();
            }
            for (int i = 0; i < queryInstances; i++) {
                Map<String, String> env = system.environment(firstCommandPort, queryPorts[i]);
                env.putAll(querySettings);
                ServiceProcess process = new ServiceProcess(
                        name + "-query-" + i, "qcurate.query-jar", healthPort(queryPorts[i], env), env);
                system.queries.add(process);
                system.queryUrls.add("http://127.0.0.1:" + queryPorts[i]);
                process.start();
            }
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    /** Actuator moves to the management port when one is set: health is awaited there. */
    private static int healthPort(int port, Map<String, String> env) {
        return env.containsKey("MANAGEMENT_SERVER_PORT") ? Integer.parseInt(env.get("MANAGEMENT_SERVER_PORT")) : port;
    }

    private Map<String, String> environment(int commandPort, int queryPort) {
        return Qcurate.environment(name, jdbcUrl, topic, commandPort, queryPort);
    }

    /** Signed in on command instance {@code command}, reading from query instance {@code query}. */
    Client as(String user, int command, int query) {
        return Client.signIn(commandUrls.get(command), queryUrls.get(query), user, PASSWORD);
    }

    Client as(String user) {
        return as(user, 0, 0);
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess process : queries) {
            process.close();
        }
        for (ServiceProcess process : commands) {
            process.close();
        }
    }
}
