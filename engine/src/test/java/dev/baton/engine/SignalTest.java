package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.engine.server.EngineServer;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.SignalRequest;
import dev.baton.model.api.SignalResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static dev.baton.engine.Flows.awaitTokensAt;
import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/** Signals: a signal reaches every waiting instance and starts every process with a signal start event. */
class SignalTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSignalReachesEveryWaitingInstanceAndStartsTheSignalStartProcess(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("signals.bpmn"));
            String a = start(engine, "signalCatcher", Map.of());
            String b = start(engine, "signalCatcher", Map.of());

            SignalResult result = engine.signal(new SignalRequest("alarm", Map.of("level", 3)));

            // each instance catches it twice: at the catch event and at the non-interrupting boundary event
            assertThat(result.caughtBy()).containsExactlyInAnyOrder(a, a, b, b);
            assertThat(result.started()).hasSize(1);
            for (String id : new String[] {a, b}) {
                assertThat(tokenElements(engine, id)).containsExactly("AfterAlarm", "Work");
                assertThat(entered(engine, id)).contains("WaitAlarm", "AlarmNoted", "Noted");
                assertThat(engine.instance(id).variables()).containsEntry("level", 3);
            }
            String startedId = result.started().get(0);
            assertThat(engine.instance(startedId).processId()).isEqualTo("signalStarted");
            assertThat(tokenElements(engine, startedId)).containsExactly("Handle");
            assertThat(engine.instance(startedId).variables()).containsEntry("level", 3);

            // a signal nobody waits for reaches no one, without an error
            assertThat(engine.signal(new SignalRequest("nobody-listens", Map.of())).caughtBy()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void thrownSignalsReachOtherInstancesAndASignalEndEventInterruptsTheirWork(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("signals.bpmn"));
            String catcher = start(engine, "signalCatcher", Map.of());
            String thrower = start(engine, "signalThrower", Map.of());

            awaitTokensAt(engine, catcher, "AfterAlarm", "Work");
            awaitTokensAt(engine, thrower, "Next");
            complete(engine, thrower, "Next", Map.of());

            Flows.awaitState(engine, thrower, InstanceState.COMPLETED);
            awaitTokensAt(engine, catcher, "AfterAlarm");
            assertThat(entered(engine, catcher)).contains("StopWork", "Stopped");
            assertThat(engine.history(catcher)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_CANCELED");
                assertThat(e.elementId()).isEqualTo("Work");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void postApiSignalsBroadcastsASignal(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            engine.deploy(Engines.files("signals.bpmn"));
            String id = start(engine, "signalCatcher", Map.of());

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/signals"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"stop-all\",\"variables\":{\"why\":\"maintenance\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"caughtBy\":[\"" + id + "\"]");
            assertThat(tokenElements(engine, id)).containsExactly("WaitAlarm");
            assertThat(engine.instance(id).variables()).containsEntry("why", "maintenance");
        }
    }
}
