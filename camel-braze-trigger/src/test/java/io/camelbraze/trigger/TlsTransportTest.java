/*
 * Copyright 2026 The camel-braze-trigger authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelbraze.trigger;

import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.X509TrustManager;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS is configured the camel-http way, with SSLContextParameters; a handshake failure never reached Braze, so it is
 * safe to retry.
 */
class TlsTransportTest extends CamelTestSupport {

    private final WireMockServer braze = startHttpsBraze();

    private static WireMockServer startHttpsBraze() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort());
        server.start();
        server.stubFor(post(urlEqualTo("/canvas/trigger/send")).willReturn(aResponse().withStatus(201)
                .withBody("{\"dispatch_id\":\"tls-ok\",\"message\":\"success\"}")));
        return server;
    }

    /** Trusts WireMock's self-signed test certificate; for this test only. */
    @BindToRegistry("trustTestServer")
    SSLContextParameters trustTestServer() {
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setTrustManager(new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        });
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    @AfterEach
    void stopBraze() {
        braze.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String base = "braze-trigger:canvas?canvasId=cv-1&apiKey=k&maxRetries=0&baseUri=https://localhost:" + braze.httpsPort();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:trusted").to(base + "&sslContextParameters=#trustTestServer");
                from("direct:untrusted").to(base);
            }
        };
    }

    @Test
    void sslContextParametersAreUsed() {
        Exchange result = template.request("direct:trusted", e -> e.getMessage().setBody(Map.of("external_user_id", "1")));
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID)).isEqualTo("tls-ok");
    }

    @Test
    void anUntrustedCertificateFailsTheHandshakeAndIsSafeToRetry() {
        Exchange result = template.request("direct:untrusted", e -> e.getMessage().setBody(Map.of("external_user_id", "1")));
        assertThat(result.getException()).isInstanceOfSatisfying(BrazeTransportException.class, e -> {
            assertThat(e.isPossiblyDelivered()).isFalse();
            assertThat(e.isRetrySafe()).isTrue();
        });
        assertThat(braze.getAllServeEvents()).isEmpty();
    }
}
