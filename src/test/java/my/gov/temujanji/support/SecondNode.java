package my.gov.temujanji.support;

import java.util.ArrayList;
import java.util.List;
import my.gov.temujanji.TemujanjiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

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
