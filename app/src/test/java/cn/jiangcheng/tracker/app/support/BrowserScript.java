package cn.jiangcheng.tracker.app.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs one of web-ui/e2e/*.mjs (playwright-core driving Debian's chromium) against the running app and asserts it
 * reported no failure. On CI chromium is installed by .ci/run and the script must run; elsewhere it is skipped
 * without chromium.
 */
public final class BrowserScript {
    private static final Path WEB_UI = Path.of("..", "web-ui").toAbsolutePath().normalize();

    private BrowserScript() {
    }

    public static String run(int port, String script, Map<String, String> env) throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            assumeTrue(new File(chromium).canExecute(), "chromium not installed: " + chromium);
        }
        assertThat(WEB_UI.resolve("node_modules/playwright-core")).as("npm ci ran in web-ui").exists();

        Path log = Path.of("target", "browser-" + script.replace(".mjs", "") + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder browser = new ProcessBuilder("node", "e2e/" + script)
                .directory(WEB_UI.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browser.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        browser.environment().put("CHROMIUM", chromium);
        browser.environment().putAll(env);
        Process process = browser.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("browser test finished in time:\n" + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("e2e: \\d+ passed, 0 failed");
        return output;
    }
}
