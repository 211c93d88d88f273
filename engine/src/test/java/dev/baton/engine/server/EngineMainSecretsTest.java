package dev.baton.engine.server;

import dev.baton.engine.connect.rabbit.RabbitConnector;
import dev.baton.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Passwords named by *-password-env come from the environment, else from the secrets file of the configuration. */
class EngineMainSecretsTest {
    @TempDir Path dir;

    @Test
    void aBrokerPasswordComesFromTheEnvironmentElseFromTheSecretsFile() throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "RABBIT_PASSWORD=from-file\nOTHER=x\n");
        Map<String, String> o = Map.of("rabbit-uri", "amqp://127.0.0.1:5672", "rabbit-user", "baton",
                "rabbit-password-env", "RABBIT_PASSWORD", "secrets-file", file.toString());

        var fromFile = RabbitConnector.Settings.fromOptions(o, EngineMain.secretLookup(o, name -> null));
        assertThat(fromFile.password()).isEqualTo("from-file");
        assertThat(fromFile.toString()).doesNotContain("from-file");

        var fromEnv = RabbitConnector.Settings.fromOptions(o, EngineMain.secretLookup(o, name -> name.equals("RABBIT_PASSWORD") ? "from-env" : null));
        assertThat(fromEnv.password()).isEqualTo("from-env");

        Map<String, String> missing = Map.of("rabbit-uri", "amqp://127.0.0.1:5672", "rabbit-password-env", "NOPE", "secrets-file", file.toString());
        assertThatThrownBy(() -> RabbitConnector.Settings.fromOptions(missing, EngineMain.secretLookup(missing, name -> null)))
                .isInstanceOf(EngineException.class).hasMessageContaining("NOPE");
    }

    @Test
    void anUnreadableSecretsFileStopsTheEngineAtStartNamingIt() {
        Map<String, String> o = Map.of("secrets-file", dir.resolve("missing.properties").toString());
        assertThatThrownBy(() -> EngineMain.secretLookup(o, name -> null)).isInstanceOf(EngineException.class)
                .hasMessageContaining("secrets-file").hasMessageContaining("missing.properties");
    }
}
