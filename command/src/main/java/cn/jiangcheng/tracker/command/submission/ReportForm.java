package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.indicator.ReportingCalendars.Window;

import java.util.List;

/** A unit's form for one period: the indicators it reports and when the report opens and is due. */
public record ReportForm(List<ExpectedValue> expected, Window window) {
    public ReportForm {
        expected = List.copyOf(expected);
    }

    public boolean isEmpty() {
        return expected.isEmpty();
    }
}
