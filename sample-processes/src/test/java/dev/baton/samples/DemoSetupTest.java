package dev.baton.samples;

import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.server.EngineServer;
import dev.baton.model.api.InstanceQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What ./baton demo and the designer's first run do: deploy the samples over HTTP and start instances. */
class DemoSetupTest {

    @TempDir Path data;

    @Test
    void deploys_every_sample_over_http_and_starts_instances_of_each() throws Exception {
        try (DemoServices services = DemoServices.start(0);
             BatonEngine engine = Baton.builder().dataDir(data).build();
             EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null);
             DemoSetup setup = new DemoSetup(URI.create("http://127.0.0.1:" + server.port()), services.url(), null)) {
            setup.deploy();
            setup.deploy(); // again: unchanged files keep their version
            int started = setup.startInstances(2);

            assertThat(started).isEqualTo(6);
            assertThat(engine.definitions()).extracting(d -> d.id())
                    .containsExactlyInAnyOrder("orderSaga:1", "loanApproval:1", "flightBooking:1");
            for (String p : new String[] {"orderSaga", "loanApproval", "flightBooking"}) {
                assertThat(engine.instances(new InstanceQuery(p, null, null, null, null, null, 0, 100)).total()).as(p).isEqualTo(2);
            }
        }
    }
}
