package my.gov.temujanji.support;

import java.util.ArrayList;
import java.util.List;
import my.gov.temujanji.TemujanjiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another app node on its own port against the same PostgreSQL as the test's node, with its own
 * clock at the same time: what two servers behind a load balancer look like.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondNode startBeside(Environment firstNode, Class<?>... extraSources) {
        return startBeside(firstNode, List.of(), extraSources);
    }

    /** With these properties ({@code name=value}) added, such as the first node's test overrides. */
    public static SecondNode startBeside(Environment firstNode, List<String> properties, Class<?>... extraSources) {
        List<Class<?>> sources = new ArrayList<>(List.of(TemujanjiApplication.class, TestClockConfiguration.class));
        sources.addAll(List.of(extraSources));
        return new SecondNode(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + firstNode.getRequiredProperty("spring.datasource.url"),
                        "spring.datasource.username=" + firstNode.getRequiredProperty("spring.datasource.username"),
                        "spring.datasource.password=" + firstNode.getProperty("spring.datasource.password", ""))
                // As arguments: they must win over the test profile's file, as the first node's overrides do.
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new)));
    }

    /**
     * A new, empty database on the test JVM's PostgreSQL server, for a node whose requests must touch no
     * other test's rows (such as the fuzzer's); its JDBC URL, for {@code spring.datasource.url}.
     */
    public static String freshDatabase(Environment firstNode, JdbcClient jdbc, String name) {
        jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
        jdbc.sql("CREATE DATABASE " + name).update();
        return firstNode.getRequiredProperty("spring.datasource.url").replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
