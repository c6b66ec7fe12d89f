package cn.jiangcheng.tracker.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real HTTP client for tests: either an API client sending HTTP Basic credentials, or a browser-like session
 * with cookies and the CSRF header the web UI sends.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String basicAuth;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private ApiClient(String baseUrl, String basicAuth) {
        this.baseUrl = baseUrl;
        this.basicAuth = basicAuth;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://127.0.0.1:" + port, null);
    }

    public static ApiClient basic(int port, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient("http://127.0.0.1:" + port, "Basic " + token);
    }

    /** A browser-like session: fetches the CSRF cookie, then posts the log-in form. */
    public static ApiClient browser(int port) {
        ApiClient client = new ApiClient("http://127.0.0.1:" + port, null);
        client.get("/api/csrf");
        return client;
    }

    public ApiClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Response login(String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send("POST", "/api/auth/login", form, "application/x-www-form-urlencoded", true);
    }

    public Response get(String path) {
        return send("GET", path, null, null, true);
    }

    /** A POST without a body, for operations that take none. */
    public Response post(String path) {
        return send("POST", path, null, null, true);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json", true);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json", true);
    }

    /** Sends without the CSRF header, as a forged cross-site form would. */
    public Response postWithoutCsrf(String path, String json) {
        return send("POST", path, json, "application/json", false);
    }

    public Response send(String method, String path, String body, String contentType, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (basicAuth != null) {
            request.header("Authorization", basicAuth);
        }
        if (withCsrf) {
            csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        extraHeaders.forEach(request::header);
        return execute(request.build(), contentType, body == null ? "" : body);
    }

    /** Posts one file as multipart/form-data field "file", as the web UI's upload buttons do. */
    public Response upload(String path, String fileName, byte[] content) {
        String boundary = "----tracker" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (basicAuth != null) {
            request.header("Authorization", basicAuth);
        }
        csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return execute(request.build(), "multipart/form-data; boundary=" + boundary, null);
    }

    /** GETs a file (an Excel export, an evidence file) as bytes; its status and content type are checked too. */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (basicAuth != null) {
            request.header("Authorization", basicAuth);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            ApiContract.published(baseUrl).check("GET", path, null, "", response.statusCode(), contentType,
                    contentType != null && contentType.contains("json")
                            ? new String(response.body(), StandardCharsets.UTF_8) : null);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request built by the test; its body cannot be read back, so only its answer is checked fully. */
    public Response execute(HttpRequest request) {
        return execute(request, null, null);
    }

    private Response execute(HttpRequest request, String contentType, String body) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String pathAndQuery = request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
            String answeredType = response.headers().firstValue("Content-Type").orElse(null);
            if (body == null && contentType == null) {
                ApiContract.published(baseUrl).check(request.method(), pathAndQuery, response.statusCode(),
                        answeredType, response.body());
            } else {
                ApiContract.published(baseUrl).check(request.method(), pathAndQuery, contentType, body,
                        response.statusCode(), answeredType, response.body());
            }
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String basicAuthHeader() {
        return basicAuth;
    }

    private java.util.Optional<String> csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst();
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public String code() {
            return json().path("code").asText();
        }

        public String message() {
            return json().path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
