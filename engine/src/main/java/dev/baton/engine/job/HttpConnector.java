package dev.baton.engine.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Function;

/** What HTTP jobs need besides the request: the client (with its TLS trust), the per-host circuit breakers and the named secrets. */
public final class HttpConnector {
    private final HttpSettings settings;
    private final HttpCaller caller;
    private final HostBreakers breakers;
    private final Secrets secrets;

    public HttpConnector(HttpSettings settings, Function<String, String> environment, ObjectMapper json, MeterRegistry meters) {
        this.settings = settings;
        this.caller = new HttpCaller(json, settings.caFile() == null ? null : Tls.context(settings.caFile()));
        this.breakers = new HostBreakers(settings, meters);
        this.secrets = new Secrets(environment, settings.secretsFile());
    }

    public HttpSettings settings() { return settings; }

    public HttpCaller caller() { return caller; }

    public HostBreakers breakers() { return breakers; }

    public Secrets secrets() { return secrets; }

    /** Why a TLS handshake failed, in words that say what to do; null when the failure was not about TLS trust. */
    public String tlsProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof java.security.cert.CertificateException) {
                String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                return "TLS handshake failed, the server's certificate is not trusted (" + why + "): "
                        + (settings.caFile() == null ? "it is not signed by a CA of the JDK trust store; give its CA in the engine configuration with http-ca-file"
                        : "it is signed neither by a CA of the JDK trust store nor by one of http-ca-file " + settings.caFile());
            }
        }
        return null;
    }
}
