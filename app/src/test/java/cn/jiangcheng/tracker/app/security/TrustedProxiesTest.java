package cn.jiangcheng.tracker.app.security;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production settings (application.yml + application-prod.yml) applied to a real Tomcat, without the rest of
 * the app: X-Forwarded-For is believed only from the proxies in TRACKER_TRUSTED_PROXIES, and from none by default.
 */
class TrustedProxiesTest {

    @Test
    void withoutTrustedProxiesAClientsForwardedForIsIgnored() {
        assertThat(addressSeenBehind(null)).isEqualTo("127.0.0.1");
    }

    @Test
    void aConfiguredProxysForwardedForIsTheClientAddress() {
        assertThat(addressSeenBehind("127\\.0\\.0\\.1")).isEqualTo("6.6.6.6");
    }

    @Test
    void aProxyNotInTheListIsNotBelieved() {
        assertThat(addressSeenBehind("10\\.1\\.2\\.3")).isEqualTo("127.0.0.1");
    }

    /** The address a servlet sees when 127.0.0.1 sends X-Forwarded-For: 6.6.6.6 with prod's settings. */
    private static String addressSeenBehind(String trustedProxies) {
        String[] seen = new String[1];
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.profiles.active=prod")
                .withUserConfiguration(Properties.class);
        if (trustedProxies != null) {
            runner = runner.withSystemProperties("TRACKER_TRUSTED_PROXIES=" + trustedProxies);
        }
        runner.run(context -> {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            new TomcatWebServerFactoryCustomizer(context.getEnvironment(), context.getBean(ServerProperties.class))
                    .customize(factory);
            WebServer server = factory.getWebServer(servletContext -> servletContext.addServlet("address",
                    new HttpServlet() {
                        @Override
                        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                                throws IOException {
                            response.getWriter().write(request.getRemoteAddr());
                        }
                    }).addMapping("/"));
            server.start();
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.getPort() + "/"))
                        .header("X-Forwarded-For", "6.6.6.6").build(), HttpResponse.BodyHandlers.ofString());
                seen[0] = answer.body();
            } finally {
                server.stop();
            }
        });
        return seen[0];
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ServerProperties.class)
    static class Properties {
    }
}
