package cn.jiangcheng.tracker.app.indicator;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars.Window;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.web.BusinessReaders;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.BadRequest;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** 填报日历: when each indicator's period opens and is due, and whether it is open today (server date, China). */
@RestController
@Tag(name = "指标目录")
@PreAuthorize(BusinessReaders.ONLY) // the administrator sees no business data
public class ReportingCalendarController {
    private final IndicatorCatalog catalog;
    private final OrgDirectory orgDirectory;
    private final BusinessCalendar calendar;

    public ReportingCalendarController(IndicatorCatalog catalog, OrgDirectory orgDirectory, BusinessCalendar calendar) {
        this.catalog = catalog;
        this.orgDirectory = orgDirectory;
        this.calendar = calendar;
    }

    /** custom: the indicator has a calendar of its own; otherwise calendar is the period type's default. */
    public record IndicatorDates(String indicatorId, int number, String name, PeriodType periodType,
                                 ReportingCalendar calendar, boolean custom, LocalDate opens, LocalDate due,
                                 boolean open) {
    }

    /**
     * opens and due: of the unit's report when orgUnitId is given (its earliest-opening and latest-due indicator),
     * otherwise of all the city's indicators of the period type; open: whether a report may be made today.
     */
    public record CalendarOfPeriod(String period, String label, PeriodType periodType, LocalDate today,
                                   String orgUnitId, LocalDate opens, LocalDate due, boolean open,
                                   List<IndicatorDates> indicators) {
    }

    @GetMapping("/api/reporting-calendar")
    @Operation(summary = "填报日历：某期各指标何时开放填报、何时截止")
    public CalendarOfPeriod calendar(@RequestParam String period,
                                     @RequestParam(required = false) String orgUnitId) {
        TrackerUser user = Caller.current();
        Period parsed = Period.parse(period).orElseThrow(() -> BadRequest.period("period", period));
        List<IndicatorView> indicators;
        if (orgUnitId == null || orgUnitId.isBlank()) {
            indicators = catalog.ofCity(user.cityId()).stream().filter(i -> i.periodType() == parsed.type()).toList();
        } else {
            if (!orgDirectory.isVisible(orgUnitId, user.orgUnitId(), user.cityId(), user.dataScope())) {
                throw new NotFoundInScope("未找到该单位");
            }
            indicators = catalog.assignedTo(orgUnitId, parsed.type());
        }
        LocalDate today = calendar.today();
        List<IndicatorDates> dates = indicators.stream().map(i -> {
            ReportingCalendar calendar = ReportingCalendars.of(i.toDefinition());
            Window w = ReportingCalendars.window(calendar, parsed);
            return new IndicatorDates(i.id(), i.number(), i.name(), i.periodType(), calendar, i.calendar() != null,
                    w.opens(), w.due(), !today.isBefore(w.opens()));
        }).toList();
        Window window = ReportingCalendars.window(indicators.stream().map(IndicatorView::toDefinition).toList(),
                parsed);
        return new CalendarOfPeriod(parsed.code(), parsed.label(), parsed.type(), today,
                orgUnitId == null || orgUnitId.isBlank() ? null : orgUnitId, window.opens(), window.due(),
                !today.isBefore(window.opens()), dates);
    }
}
