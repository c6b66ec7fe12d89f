package cn.jiangcheng.tracker.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full-stack benchmark in smoke mode (tiny figures, not a measurement), so that the benchmark cannot rot: the
 * app jar starts, commands go through HTTP, the projections replay generated events, queries answer.
 */
class FullStackSmokeTest {

    @Test
    void theFullStackBenchmarkRunsEndToEndInSmokeMode() throws Exception {
        FullStackBenchmark.Result result = FullStackBenchmark.run(FullStackConfig.parse(new String[]{"--smoke"}));

        assertTrue(result.errors().isEmpty(), () -> "errors: " + result.errors());
        assertTrue(result.figures().get("commands ok") > 0, "commands went through");
        assertEquals(0.0, result.figures().get("commands failed"), "no command failed");
        assertTrue(result.figures().get("raw JDBC rows/s") > 0, "the raw ceiling was measured");
        assertEquals(result.figures().get("submission_view rows expected"),
                result.figures().get("submission_view rows after replay"), "the replay rebuilt every report");
        assertTrue(result.figures().get("city rollup at volume p99, ms") > 0, "the rollup was queried");
        assertTrue(Files.readString(result.written()).contains("SMOKE MODE"), "the report says it is a smoke run");
    }
}
