package dev.baton.engine.job;

import dev.baton.engine.EngineException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;

/** TLS for HTTP calls: the JDK trust store, plus the CA certificates of a PEM file when one is configured. */
public final class Tls {
    private Tls() {}

    /** An SSL context trusting the JDK's CAs and those of caFile (null: the JDK default context). */
    public static SSLContext context(Path caFile) {
        try {
            if (caFile == null) return SSLContext.getDefault();
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            int n = 0;
            try (InputStream in = Files.newInputStream(caFile)) {
                for (var c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    extra.setCertificateEntry("ca-" + n++, c);
                }
            }
            if (n == 0) throw new EngineException("http-ca-file " + caFile + " holds no PEM certificate");
            X509ExtendedTrustManager jdk = trustManager(null), file = trustManager(extra);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{new Either(jdk, file)}, null);
            return ctx;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new EngineException("http-ca-file " + caFile + " cannot be used: " + e.getMessage());
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        for (TrustManager t : f.getTrustManagers()) if (t instanceof X509ExtendedTrustManager x) return x;
        throw new GeneralSecurityException("no X509 trust manager");
    }

    /** Trusts a server when the JDK's trust store or the CA file does; host names are checked by both. */
    private static final class Either extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager first, second;

        Either(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType, engine);
            }
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType, socket);
            }
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            first.checkClientTrusted(chain, authType, engine);
        }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            first.checkClientTrusted(chain, authType, socket);
        }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Stream.of(first.getAcceptedIssuers()), Stream.of(second.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
