package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseSummary;
import cn.jiangcheng.tracker.app.excel.CellText;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The 整改台账 as the provincial templates lay it out: one row per case, the nine columns below. */
public final class RectificationWorkbook {
    public static final String SHEET_NAME = "整改台账";
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADERS = List.of("序号", "问题来源", "问题描述", "责任单位", "整改时限", "整改措施",
            "整改进展", "完成情况", "销号时间");
    private static final int[] WIDTHS = {6, 22, 44, 16, 12, 36, 36, 16, 12};

    private RectificationWorkbook() {
    }

    /** One ledger line, already in words. */
    public record Row(String source, String description, String unit, String deadline, String measures,
                      String progress, String completion, String closedOn) {
    }

    /** A case of the ledger in the words of the provincial template. */
    static Row row(CaseSummary c) {
        StringBuilder source = new StringBuilder(c.source().label());
        for (String part : new String[]{c.round(), c.batch(), c.problemNumber(), c.complaintNumber()}) {
            if (part != null) {
                source.append(' ').append(part);
            }
        }
        String completion = switch (c.status()) {
            case CLOSED -> Boolean.TRUE.equals(c.closedOnTime()) ? "已完成（按期）" : "已完成（超期）";
            case PUBLICITY -> "已验收，公示中";
            default -> c.overdue() ? c.status().label() + "（超期）" : c.status().label();
        };
        if (c.outcome() != null) {
            completion += "；" + c.outcome().label();
        }
        String closedOn = c.closedAt() == null ? null
                : c.closedAt().atZone(BusinessTime.ZONE).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        return new RectificationWorkbook.Row(source.toString(), c.description(),
                c.responsibleUnitName() == null ? c.responsibleUnitId() : c.responsibleUnitName(),
                c.deadline().toString(), c.measures(), c.latestProgress(), completion, closedOn);
    }

    public static byte[] export(String title, List<Row> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(SHEET_NAME);
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            XSSFCellStyle titleStyle = workbook.createCellStyle();
            titleStyle.setFont(bold);
            XSSFCellStyle header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            XSSFCellStyle body = bordered(workbook);
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);

            sheet.createRow(0).createCell(0).setCellValue(title);
            sheet.getRow(0).getCell(0).setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            XSSFRow head = sheet.createRow(1);
            for (int c = 0; c < HEADERS.size(); c++) {
                head.createCell(c).setCellValue(HEADERS.get(c));
                head.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                XSSFRow line = sheet.createRow(i + 2);
                String[] values = {String.valueOf(i + 1), row.source(), row.description(), row.unit(), row.deadline(),
                        row.measures(), row.progress(), row.completion(), row.closedOn()};
                int lines = 1;
                for (int c = 0; c < values.length; c++) {
                    String value = values[c] == null ? "" : values[c];
                    if (c == 0) {
                        line.createCell(c).setCellValue(i + 1);
                    } else {
                        line.createCell(c).setCellValue(value);
                    }
                    line.getCell(c).setCellStyle(body);
                    lines = Math.max(lines, CellText.lines(value, WIDTHS[c]));
                }
                line.setHeightInPoints(Math.min(409, lines * 14.5f));
            }
            sheet.createFreezePane(0, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XSSFCellStyle bordered(XSSFWorkbook workbook) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
