package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.indicator.ReportingCalendars.Window;
import cn.jiangcheng.tracker.api.submission.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The forms the {@link Submission} tests register: 永吉县's five indicators of 2025-Q1, open from 1 April and due on
 * 15 April, until a test says otherwise.
 */
final class FakeReportForms implements ReportForms {
    private List<ExpectedValue> expected = SubmissionFixtures.expectedValues();
    private LocalDate opens = SubmissionFixtures.OPENS;
    private LocalDate due = SubmissionFixtures.DEADLINE;
    private final List<String> asked = new ArrayList<>();

    /** From now on the unit's form has these indicators. */
    FakeReportForms expect(List<ExpectedValue> indicators) {
        this.expected = indicators;
        return this;
    }

    /** From now on the calendars open and close the report on these days. */
    FakeReportForms window(LocalDate opens, LocalDate due) {
        this.opens = opens;
        this.due = due;
        return this;
    }

    /** The unit and period of every form the aggregate looked up, as "unit period". */
    List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public ReportForm formFor(String orgUnitId, Period period) {
        asked.add(orgUnitId + " " + period.code());
        return new ReportForm(expected, new Window(opens, due));
    }
}
