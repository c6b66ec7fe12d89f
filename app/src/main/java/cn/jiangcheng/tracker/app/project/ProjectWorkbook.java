package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.api.project.ProjectQueries.DelayedProject;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectStats;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectSummary;
import cn.jiangcheng.tracker.api.project.ProjectQueries.StatsRow;
import cn.jiangcheng.tracker.app.excel.CellText;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The projects as an xlsx workbook: 项目清单 (one row per project), 汇总 (city, by 专栏, by lead unit) and
 * 滞后项目. Numbers are written as numbers so the bureau can sum and filter them in Excel.
 */
final class ProjectWorkbook {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> PROJECT_HEADERS = List.of("项目编号", "专栏", "工程类别", "项目名称", "牵头单位", "计划开工",
            "计划完工", "计划投资（万元）", "累计完成投资（万元）", "形象进度（%）", "应完成进度（%）", "状态", "最近通过期间",
            "待审核期间");
    static final List<String> STATS_HEADERS = List.of("范围", "名称", "项目数", "未编制计划", "未开工", "推进中", "已完成",
            "滞后", "计划投资（万元）", "累计完成投资（万元）", "其中有计划投资项目（万元）", "投资完成率（%）",
            "其中未编制计划项目（万元）", "到期里程碑", "按期完成里程碑", "里程碑按期率（%）");
    static final List<String> DELAYED_HEADERS = List.of("项目编号", "项目名称", "牵头单位", "形象进度（%）",
            "应完成进度（%）", "落后（百分点）", "逾期里程碑", "最长逾期（天）");

    private ProjectWorkbook() {
    }

    static byte[] export(List<ProjectSummary> projects, ProjectStats stats, Instant at) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFCellStyle header = workbook.createCellStyle();
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            String title = "导出时间 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(at.atZone(BusinessTime.ZONE))
                    + "；状态按 " + stats.today() + " 计算，进度落后超过" + stats.marginPoints().stripTrailingZeros()
                    .toPlainString() + "个百分点或里程碑逾期为滞后，未填计划工期或计划投资为未编制计划；只计已审核通过的进展报告";

            List<List<Object>> projectRows = new ArrayList<>();
            for (ProjectSummary p : projects) {
                projectRows.add(List.of(p.id(), "专栏" + p.column(), nz(p.group()), p.name(), nz(p.leadUnitName()),
                        nz(p.plannedStart()), nz(p.plannedFinish()), nz(p.plannedInvestment()), p.investmentCompleted(),
                        p.progress(), nz(p.expectedProgress()), p.statusLabel(), nz(p.lastApprovedPeriod()),
                        nz(p.pendingUpdateId())));
            }
            sheet(workbook, "项目清单", title, PROJECT_HEADERS, projectRows, header);

            List<List<Object>> statsRows = new ArrayList<>();
            statsRows.add(statsRow("全市", stats.city()));
            stats.byColumn().forEach(r -> statsRows.add(statsRow("按专栏", r)));
            stats.byUnit().forEach(r -> statsRows.add(statsRow("按牵头单位", r)));
            sheet(workbook, "汇总", title + "；累计完成投资含未编制计划项目；投资完成率 = 有计划投资项目的累计完成投资 ÷ 计划投资合计",
                    STATS_HEADERS, statsRows, header);

            List<List<Object>> delayedRows = new ArrayList<>();
            for (DelayedProject d : stats.delayed()) {
                delayedRows.add(List.of(d.projectId(), d.name(), nz(d.leadUnitName()), d.progress(),
                        nz(d.expectedProgress()), d.behindPoints(), d.overdueMilestones(), d.daysOverdue()));
            }
            sheet(workbook, "滞后项目", title, DELAYED_HEADERS, delayedRows, header);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> statsRow(String scope, StatsRow r) {
        return List.of(scope, r.label(), r.projects(), r.unplanned(), r.notStarted(), r.inProgress(), r.completed(),
                r.delayed(), r.plannedInvestment(), r.investmentCompleted(), r.investmentCompletedWithPlan(),
                nz(r.investmentRate()), r.unplannedInvestmentCompleted(), r.milestonesDue(), r.milestonesOnTime(),
                nz(r.milestonesOnTimeRate()));
    }

    private static void sheet(XSSFWorkbook workbook, String name, String title, List<String> headers,
                              List<List<Object>> rows, XSSFCellStyle headerStyle) {
        XSSFSheet sheet = workbook.createSheet(name);
        sheet.createRow(0).createCell(0).setCellValue(title);
        XSSFRow head = sheet.createRow(1);
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            head.createCell(c).setCellValue(headers.get(c));
            head.getCell(c).setCellStyle(headerStyle);
            widths[c] = CellText.displayWidth(headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            XSSFRow row = sheet.createRow(r + 2);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v instanceof BigDecimal number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (v instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else {
                    row.createCell(c).setCellValue(v.toString());
                }
                widths[c] = Math.max(widths[c], Math.min(60, CellText.displayWidth(v.toString())));
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, (widths[c] + 2) * 256);
        }
        sheet.createFreezePane(0, 2);
    }

    private static Object nz(Object value) {
        return value == null ? "—" : value;
    }
}
