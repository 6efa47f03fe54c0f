package io.camelbraze.trigger;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The node that crashes in {@link CrashRestartTest}: a separate JVM streaming one file to the fake Braze with a JDBC
 * idempotent repository, killed (SIGKILL) by the test half-way.
 * <p>
 * Arguments: Braze base URI, API key, JDBC URL of the repository, the file.
 */
public final class CrashingFileSender {

    private CrashingFileSender() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("repo", repository(args[2]));
        BrazeTriggerComponent component = new BrazeTriggerComponent();
        component.setBaseUri(args[0]);
        component.setApiKey(args[1]);
        context.addComponent("braze-trigger", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:file").to(CrashRestartTest.ENDPOINT);
            }
        });
        context.start();
        File file = new File(args[3]);
        context.createProducerTemplate().sendBodyAndHeader("direct:file", file, "CamelFileName", file.getName());
        System.out.println("finished without being killed");
        context.stop();
    }

    static JdbcMessageIdRepository repository(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return new JdbcMessageIdRepository(dataSource, "braze-bulk");
    }
}
