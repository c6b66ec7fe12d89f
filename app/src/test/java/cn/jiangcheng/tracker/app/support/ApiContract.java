package cn.jiangcheng.tracker.app.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an answer of the app against the app's own /v3/api-docs: a status, a content type or a field that the
 * document does not promise, or a promised field that is missing, fails the test that received it.
 */
public final class ApiContract {
    /** Answered by Spring Security's filters, not by a controller, so springdoc does not see them. */
    private static final Set<String> SECURITY_ENDPOINTS = Set.of("/api/auth/login", "/api/auth/logout");
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
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(specification)
                .withLevelResolver(LevelResolver.create()
                        // the request is the test's business (many send wrong ones on purpose); the answer is checked
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                        .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    public static ApiContract of(String specification) {
        return new ApiContract(specification);
    }

    /** The app's published document, fetched once per running app. */
    public static ApiContract published(String baseUrl) {
        return BY_BASE_URL.computeIfAbsent(baseUrl, url -> of(fetch(url + "/v3/api-docs")));
    }

    /** Throws an AssertionError naming every broken promise. */
    public void check(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = URI.create(pathAndQuery).getPath();
        if (!path.startsWith("/api/") || SECURITY_ENDPOINTS.contains(path)) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        boolean file = files.stream().anyMatch(p -> p.matcher(method + " " + path).matches());
        if (!file && body != null && !body.isEmpty() && contentType != null && contentType.contains("json")) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
        boolean undocumented = errors.stream().anyMatch(m -> UNDOCUMENTED_OPERATION.contains(m.getKey()));
        if (undocumented && status >= 400) {
            return; // a wrong method or a path that does not exist, answered with an error: nothing was promised
        }
        if (undocumented) {
            throw new AssertionError(method + " " + path + " answered " + status + " but is not in /v3/api-docs");
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + status + " against its documentation:\n"
                    + errors.stream().map(m -> "  " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n")) + "\nbody: " + abbreviate(body));
        }
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
