package cn.jiangcheng.tracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** docs/benchmarks.md, where each benchmark owns one level-2 section and leaves the others alone. */
final class BenchmarksDoc {

    private static final String INTRO = """
            # Benchmarks

            Measurements behind engineering decisions. Each section is written by the tool named in it; rerun the
            command given there to refresh it (the section is replaced, the rest of this file is kept).

            """;

    private BenchmarksDoc() {
    }

    /** Replaces the section (up to the next level-2 heading) or appends it; creates the file with an intro. */
    static void writeSection(Path file, String heading, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : INTRO;
        List<String> lines = new ArrayList<>(text.lines().toList());
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(heading)) {
                start = i;
                break;
            }
        }
        List<String> sectionLines = section.stripTrailing().lines().toList();
        if (start < 0) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            lines.add("");
            lines.addAll(sectionLines);
        } else {
            int end = lines.size();
            boolean inFence = false;
            for (int i = start + 1; i < lines.size(); i++) {
                if (lines.get(i).startsWith("```")) {
                    inFence = !inFence;
                }
                if (!inFence && lines.get(i).startsWith("## ")) {
                    end = i;
                    break;
                }
            }
            List<String> replaced = new ArrayList<>(lines.subList(0, start));
            replaced.addAll(sectionLines);
            if (end < lines.size()) {
                replaced.add("");
                replaced.addAll(lines.subList(end, lines.size()));
            }
            lines = replaced;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
