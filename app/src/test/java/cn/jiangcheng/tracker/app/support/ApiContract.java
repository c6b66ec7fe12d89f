package cn.jiangcheng.tracker.app.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an exchange with the app against the app's own /v3/api-docs: a status, a content type or a field that the
 * document does not promise, or a promised field or body that is missing, fails the test that received it; so does
 * an accepted request that the document would not allow (a body where none is documented, a field it does not name).
 */
public final class ApiContract {
    private static final Set<String> UNDOCUMENTED_OPERATION = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");
    private static final Map<String, ApiContract> BY_BASE_URL = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    /** Operations that answer a file (Excel, CSV, an evidence file, an export): their bytes are not checked. */
    private final List<Pattern> files = new ArrayList<>();

    private ApiContract(String specification) {
        try {
            new ObjectMapper().readTree(specification).path("paths").fields().forEachRemaining(path ->
                    path.getValue().fields().forEachRemaining(operation -> {
                        boolean file = operation.getValue().path("responses").findValues("schema").stream()
                                .anyMatch(schema -> "binary".equals(schema.path("format").asText()));
                        if (file) {
                            files.add(Pattern.compile(operation.getKey().toUpperCase() + " "
                                    + path.getKey().replaceAll("\\{[^/]+}", "[^/]+")));
                        }
                    }));
        } catch (IOException e) {
            throw new AssertionError("/v3/api-docs is not JSON", e);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(specification).build();
    }

    public static ApiContract of(String specification) {
        return new ApiContract(specification);
    }

    /** The app's published document, fetched once per running app. */
    public static ApiContract published(String baseUrl) {
        return BY_BASE_URL.computeIfAbsent(baseUrl, url -> of(fetch(url + "/v3/api-docs")));
    }

    /** An answer to a request whose body the caller cannot show (a stream, a download): the body is not checked. */
    public void check(String method, String pathAndQuery, int status, String contentType, String body) {
        check(method, pathAndQuery, null, null, false, status, contentType, body);
    }

    /** Throws an AssertionError naming every broken promise of the request (if answered 2xx) and of the answer. */
    public void check(String method, String pathAndQuery, String requestContentType, String requestBody,
                      int status, String contentType, String body) {
        check(method, pathAndQuery, requestContentType, requestBody, true, status, contentType, body);
    }

    private void check(String method, String pathAndQuery, String requestContentType, String requestBody,
                       boolean requestBodyKnown, int status, String contentType, String body) {
        URI uri = URI.create(pathAndQuery);
        String path = uri.getPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        boolean file = files.stream().anyMatch(p -> p.matcher(method + " " + path).matches());
        ValidationReport report = validator.validate(request(method, uri, requestContentType,
                requestBodyKnown ? requestBody : null), response(status, contentType, file ? null : body));
        boolean multipart = requestContentType != null && requestContentType.startsWith("multipart/");
        boolean refused = status < 200 || status >= 300;
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                // a test may send a wrong request on purpose: only a request the app accepted must be as documented
                .filter(m -> !(refused && m.getKey().startsWith("validation.request.")
                        && !UNDOCUMENTED_OPERATION.contains(m.getKey())))
                .filter(m -> !((multipart || !requestBodyKnown) && m.getKey().startsWith("validation.request.body")))
                .filter(m -> !(file && m.getKey().equals("validation.response.body.missing"))) // bytes, not JSON
                .toList();
        boolean undocumented = errors.stream().anyMatch(m -> UNDOCUMENTED_OPERATION.contains(m.getKey()));
        if (undocumented && refused) {
            return; // a wrong method or a path that does not exist, answered with an error: nothing was promised
        }
        if (undocumented) {
            throw new AssertionError(method + " " + path + " answered " + status + " but is not in /v3/api-docs");
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + status + " against its documentation:\n"
                    + errors.stream().map(m -> "  " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n")) + "\nrequest: " + abbreviate(requestBody)
                    + "\nbody: " + abbreviate(body));
        }
    }

    private static Request request(String method, URI uri, String contentType, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getPath());
        if (uri.getRawQuery() != null) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            query.forEach(request::withQueryParam);
        }
        if (contentType != null) {
            request.withContentType(contentType);
        }
        if (body != null && !body.isEmpty() && (contentType == null || !contentType.startsWith("multipart/"))) {
            request.withBody(body);
        }
        return request.build();
    }

    private static SimpleResponse response(int status, String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty() && contentType != null && contentType.contains("json")) {
            response.withBody(body);
        }
        return response.build();
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError("/v3/api-docs answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("cannot read /v3/api-docs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
