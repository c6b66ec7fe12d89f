package cn.jiangcheng.tracker.app.rollup;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.app.excel.CellText;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city rollup as an xlsx table (sheet 「城市汇总」): one row per indicator, one column per reporting unit.
 * Stateless, static methods only; it knows nothing of the read model: callers map the rollup view to
 * {@link Sheet} and {@link Row}.
 */
public final class RollupWorkbook {
    public static final String SHEET_NAME = "城市汇总";
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Times are shown where the users are. */

    static final List<String> FIXED_HEADERS = List.of("序号", "类别", "指标", "计量单位", "2023年基准值", "下一目标（年份）",
            "城市值", "进展（%）", "状态", "判定依据");
    static final int COL_NUMBER = 0;
    static final int COL_CATEGORY = 1;
    static final int COL_NAME = 2;
    static final int COL_UNIT = 3;
    static final int COL_BASELINE = 4;
    static final int COL_TARGET = 5;
    static final int COL_CITY_VALUE = 6;
    static final int COL_PROGRESS = 7;
    static final int COL_STATUS = 8;
    static final int COL_REASON = 9;
    static final int FIRST_UNIT_COLUMN = 10;
    static final int TITLE_ROW = 0;
    static final int INFO_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_DATA_ROW = 3;
    private static final int[] WIDTHS = {6, 13, 34, 12, 13, 18, 12, 11, 13, 30};
    private static final float LINE_POINTS = 14.5f;
    private static final String NONE = "—";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The same words as the dashboard (web-ui labels.js ROLLUP_STATUS) and docs/indicator-api.md 判定规则. */
    private static final Map<String, String> STATUS_LABELS = Map.of("ON_TRACK", "进度符合预期", "BEHIND", "进度滞后",
            "OFF_TRACK", "预计难以完成", "MET", "达标", "NOT_MET", "未达标", "INCOMPLETE", "数据不全",
            "NO_BASELINE", "无基准值", "NO_DATA", "暂无数据", "NO_TARGET", "无目标");

    private RollupWorkbook() {
    }

    /**
     * One indicator of the rollup.
     *
     * @param baselineText the plan's wording of the 2023 baseline ("88.8", "—", "有效保障"); written as a number
     *                     when it is one
     * @param targetText   the next target's wording ("≥90", "完成省下达目标"), null when there is none
     * @param cityValue    the city value, null when not computable
     * @param progress     share of the way from baseline to target, 0–1 as in the rollup view (shown ×100 under
     *                     进展（%）), null when not computable
     * @param statusLabel  a status code or its label (see {@link #statusLabel}); drives the cell colour
     * @param reason       why: the 序时 value, the target compared with, or the units still missing
     * @param yesNo        a 是/否 indicator: values 1 and 0 are written as 是 and 否
     * @param unitValues   value per unit, keyed by the unit's name as in {@link Sheet#unitNames()}; absent or null
     *                     when the unit has no value
     * @param notApplicableUnits names of the units for which the indicator is 不涉及 (written as such)
     */
    public record Row(int number, String category, String name, String unit, String baselineText, String targetText,
                      Integer targetYear, BigDecimal cityValue, BigDecimal progress, String statusLabel,
                      String reason, boolean yesNo, Map<String, BigDecimal> unitValues,
                      Set<String> notApplicableUnits) {
    }

    /**
     * The whole table.
     *
     * @param period    2025, 2025-Q1 or 2025-03 (shown as 2025年, 2025年第一季度, 2025年3月)
     * @param closureText how the period was closed (截止汇总), null while open
     * @param unitNames one column per unit, in this order
     */
    public record Sheet(String cityName, String period, boolean includePending, String closureText,
                        List<String> unitNames, List<Row> rows) {
    }

    /** The Chinese label of a rollup status code (MET → 达标 …); unknown codes are returned as they are. */
    public static String statusLabel(String statusCode) {
        return statusCode == null ? "暂无数据" : STATUS_LABELS.getOrDefault(statusCode, statusCode);
    }

    /** The xlsx bytes; {@code generatedAt} is shown in Beijing time. */
    public static byte[] export(Sheet sheet, Instant generatedAt) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new Writer(workbook, sheet, generatedAt).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Writer {
        private final XSSFWorkbook workbook;
        private final Sheet input;
        private final Instant generatedAt;
        private final List<String> units;
        private final XSSFSheet sheet;
        private final XSSFCellStyle title;
        private final XSSFCellStyle info;
        private final XSSFCellStyle header;
        private final XSSFCellStyle center;
        private final XSSFCellStyle text;
        private final XSSFCellStyle number;
        private final XSSFCellStyle plainNumber;
        private final XSSFCellStyle note;
        private final Map<String, XSSFCellStyle> statusStyles = new HashMap<>();
        private final XSSFCellStyle greyStatus;

        Writer(XSSFWorkbook workbook, Sheet input, Instant generatedAt) {
            this.workbook = workbook;
            this.input = input;
            this.generatedAt = generatedAt;
            this.units = input.unitNames() == null ? List.of() : input.unitNames();
            this.sheet = workbook.createSheet(SHEET_NAME);

            XSSFFont body = font(11, false, null);
            title = workbook.createCellStyle();
            title.setFont(font(16, true, null));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            info = workbook.createCellStyle();
            info.setFont(body);
            info.setVerticalAlignment(VerticalAlignment.CENTER);
            header = bordered(font(11, true, null), rgb(0xD9, 0xE1, 0xF2), HorizontalAlignment.CENTER, true);
            center = bordered(body, null, HorizontalAlignment.CENTER, true);
            text = bordered(body, null, HorizontalAlignment.LEFT, true);
            number = bordered(body, null, HorizontalAlignment.RIGHT, false);
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            plainNumber = bordered(body, null, HorizontalAlignment.RIGHT, false);
            plainNumber.setDataFormat(workbook.createDataFormat().getFormat("General"));
            note = workbook.createCellStyle();
            note.setFont(font(10, false, rgb(0x59, 0x59, 0x59)));
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            statusStyles.put("达标", status(rgb(0xC6, 0xEF, 0xCE), rgb(0x00, 0x61, 0x00)));
            statusStyles.put("未达标", status(rgb(0xFF, 0xC7, 0xCE), rgb(0x9C, 0x00, 0x06)));
            statusStyles.put("进度符合预期", statusStyles.get("达标"));
            statusStyles.put("预计难以完成", statusStyles.get("未达标"));
            statusStyles.put("进度滞后", status(rgb(0xFC, 0xD5, 0xB4), rgb(0x9C, 0x45, 0x00)));
            greyStatus = status(rgb(0xE7, 0xE6, 0xE6), rgb(0x59, 0x59, 0x59));
        }

        void write() {
            int lastColumn = FIRST_UNIT_COLUMN + units.size() - 1;
            String city = input.cityName() == null ? "" : input.cityName();
            String period = CellText.periodLabel(input.period());
            String titleText = (city.isEmpty() ? "" : city + " ") + (period.isEmpty() ? "" : period + " ")
                    + "美丽江城建设指标城市汇总表";
            XSSFRow titleRow = sheet.createRow(TITLE_ROW);
            titleRow.setHeightInPoints(30);
            cell(titleRow, 0, titleText, title);
            merge(TITLE_ROW, lastColumn);

            XSSFRow infoRow = sheet.createRow(INFO_ROW);
            infoRow.setHeightInPoints(20);
            String time = generatedAt == null ? ""
                    : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE)
                    .format(generatedAt);
            cell(infoRow, 0, "城市：" + city + "　　期间：" + period + "　　是否含待审数据："
                    + (input.includePending() ? "是（含已提交、尚未审核通过的数据）" : "否（仅含审核通过的数据）")
                    + "　　生成时间：" + time
                    + (input.closureText() == null ? "" : "　　" + input.closureText()), info);
            merge(INFO_ROW, lastColumn);

            XSSFRow headerRow = sheet.createRow(HEADER_ROW);
            int headerLines = 2;
            for (int column = 0; column < FIXED_HEADERS.size(); column++) {
                cell(headerRow, column, FIXED_HEADERS.get(column), header);
                sheet.setColumnWidth(column, WIDTHS[column] * 256);
            }
            for (int i = 0; i < units.size(); i++) {
                String name = units.get(i) == null ? "" : units.get(i);
                int width = Math.max(10, Math.min(16, CellText.displayWidth(name) + 2));
                cell(headerRow, FIRST_UNIT_COLUMN + i, name, header);
                sheet.setColumnWidth(FIRST_UNIT_COLUMN + i, width * 256);
                headerLines = Math.max(headerLines, CellText.lines(name, width));
            }
            headerRow.setHeightInPoints(headerLines * LINE_POINTS + 4);

            List<Row> rows = input.rows() == null ? List.of() : input.rows();
            int rowIndex = FIRST_DATA_ROW;
            for (Row row : rows) {
                writeRow(sheet.createRow(rowIndex++), row);
            }
            int lastDataRow = rowIndex - 1;

            XSSFRow noteRow = sheet.createRow(rowIndex + 1);
            String noteText = "注：城市值按各指标的汇总规则计算（比例类指标由各单位分子、分母合计后重新计算，覆盖率类按面积加权），"
                    + "不是各单位数值的简单平均；进展为从2023年基准值到下一目标已完成的比例。目标年之前按序时进度判定"
                    + "（进度符合预期 / 进度滞后 / 预计难以完成），目标年及以后、以及保持类目标按达标 / 未达标判定；"
                    + "尚有应报单位未报送时为“数据不全”（合计类指标截止汇总后仍不判定）；“—”表示暂无数据或无法计算。";
            cell(noteRow, 0, noteText, note);
            sheet.addMergedRegion(new CellRangeAddress(noteRow.getRowNum(), noteRow.getRowNum(), 0,
                    Math.max(lastColumn, COL_REASON)));
            noteRow.setHeightInPoints(3 * LINE_POINTS);

            sheet.createFreezePane(COL_NAME + 1, FIRST_DATA_ROW);
            if (lastDataRow >= FIRST_DATA_ROW) {
                sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastDataRow, 0, Math.max(lastColumn, COL_REASON)));
            }
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            workbook.getProperties().getCoreProperties().setTitle(titleText);
        }

        private void writeRow(XSSFRow excelRow, Row row) {
            XSSFCell numberCell = excelRow.createCell(COL_NUMBER);
            numberCell.setCellValue(row.number());
            numberCell.setCellStyle(center);
            cell(excelRow, COL_CATEGORY, row.category(), text);
            cell(excelRow, COL_NAME, row.name(), text);
            cell(excelRow, COL_UNIT, row.unit(), center);
            baseline(excelRow, row.baselineText());
            String target = row.targetText() == null || row.targetText().isBlank() ? NONE
                    : row.targetText() + (row.targetYear() == null ? "" : "（" + row.targetYear() + "年）");
            cell(excelRow, COL_TARGET, target, center);
            value(excelRow, COL_CITY_VALUE, row.cityValue(), row.yesNo());
            BigDecimal progress = row.progress() == null ? null : row.progress().movePointRight(2);
            value(excelRow, COL_PROGRESS, progress, false);
            String label = row.statusLabel() == null || row.statusLabel().isBlank() ? statusLabel(null)
                    : statusLabel(row.statusLabel());
            cell(excelRow, COL_STATUS, label, statusStyles.getOrDefault(label, greyStatus));
            cell(excelRow, COL_REASON, row.reason() == null || row.reason().isBlank() ? NONE : row.reason(), text);
            Map<String, BigDecimal> unitValues = row.unitValues() == null ? Map.of() : row.unitValues();
            Set<String> notApplicable = row.notApplicableUnits() == null ? Set.of() : row.notApplicableUnits();
            for (int i = 0; i < units.size(); i++) {
                if (notApplicable.contains(units.get(i))) {
                    cell(excelRow, FIRST_UNIT_COLUMN + i, "不涉及", center);
                } else {
                    value(excelRow, FIRST_UNIT_COLUMN + i, unitValues.get(units.get(i)), row.yesNo());
                }
            }
            int height = Math.max(CellText.lines(row.name(), WIDTHS[COL_NAME]), CellText.lines(row.category(), WIDTHS[COL_CATEGORY]));
            height = Math.max(height, CellText.lines(target, WIDTHS[COL_TARGET]));
            height = Math.max(height, CellText.lines(row.reason(), WIDTHS[COL_REASON]));
            excelRow.setHeightInPoints(Math.max(1, height) * LINE_POINTS + 6);
        }

        private void baseline(XSSFRow excelRow, String baselineText) {
            String trimmed = baselineText == null ? "" : baselineText.strip();
            if (PLAIN_NUMBER.matcher(trimmed).matches()) {
                XSSFCell cell = excelRow.createCell(COL_BASELINE);
                cell.setCellValue(new BigDecimal(trimmed).doubleValue());
                cell.setCellStyle(plainNumber);
            } else {
                cell(excelRow, COL_BASELINE, trimmed.isEmpty() ? NONE : trimmed, center);
            }
        }

        private void value(XSSFRow excelRow, int column, BigDecimal value, boolean yesNo) {
            if (value == null) {
                cell(excelRow, column, NONE, center);
            } else if (yesNo && (value.compareTo(BigDecimal.ONE) == 0 || value.signum() == 0)) {
                cell(excelRow, column, value.signum() == 0 ? "否" : "是", center);
            } else {
                XSSFCell cell = excelRow.createCell(column);
                cell.setCellValue(value.setScale(2, RoundingMode.HALF_UP).doubleValue());
                cell.setCellStyle(number);
            }
        }

        private void merge(int row, int lastColumn) {
            if (lastColumn > 0) {
                sheet.addMergedRegion(new CellRangeAddress(row, row, 0, lastColumn));
            }
        }

        private XSSFCellStyle status(byte[] fill, byte[] fontColour) {
            XSSFCellStyle style = bordered(font(11, true, fontColour), fill, HorizontalAlignment.CENTER, false);
            return style;
        }

        private XSSFFont font(int points, boolean bold, byte[] colour) {
            XSSFFont font = workbook.createFont();
            font.setFontName("宋体");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            if (colour != null) {
                font.setColor(new XSSFColor(colour));
            }
            return font;
        }

        private XSSFCellStyle bordered(XSSFFont font, byte[] fill, HorizontalAlignment alignment, boolean wrap) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setFont(font);
            if (fill != null) {
                style.setFillForegroundColor(new XSSFColor(fill));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(wrap);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }

        private static XSSFCell cell(XSSFRow row, int column, String value, XSSFCellStyle style) {
            XSSFCell cell = row.createCell(column);
            cell.setCellStyle(style);
            if (value != null && !value.isEmpty()) {
                cell.setCellValue(value);
            }
            return cell;
        }
    }

    private static byte[] rgb(int red, int green, int blue) {
        return new byte[]{(byte) red, (byte) green, (byte) blue};
    }
}
