package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.excel.CellText;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.app.seed.JilinIndicatorCatalog;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The form a unit downloads and uploads: layout, and what comes back when it is read. */
class SubmissionWorkbookTest {
    static final List<IndicatorDefinition> CATALOG = JilinIndicatorCatalog.forJilinCity();
    static final int FIRST_DATA_ROW = 3;

    static String id(int number) {
        return JilinIndicatorCatalog.indicatorId("220200", number);
    }

    static ReportedValue value(int number, String value, Map<String, BigDecimal> components, String note,
                               String explanation) {
        return new ReportedValue(id(number), value == null ? null : new BigDecimal(value), components, note,
                explanation);
    }

    static Map<String, BigDecimal> components(String... keysAndValues) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], new BigDecimal(keysAndValues[i + 1]));
        }
        return map;
    }

    /** A draft covering every kind of row: plain values, ratios, areas, yes/no, partial and blank rows. */
    static List<ReportedValue> draft() {
        return List.of(
                value(1, "88.8", Map.of(), "监测站自动监测数据", null),
                value(2, "31.5", Map.of(), null, null),
                value(3, "89.47", components("sections_good", "17", "sections_assessed", "19"), null, null),
                value(4, "0", components("sections_worse_than_v", "0", "sections_assessed", "19"), null, null),
                value(5, "100", components("sources_compliant", "3", "sources_in_use", "3"), null, null),
                value(6, null, components("villages_treated", "120"), "分母待统计局核定", null),
                value(7, "1", Map.of(), null, null),
                value(8, "99.86", components("farmland_safely_used", "1234.5", "farmland_polluted", "1236.2"),
                        null, null),
                value(9, "3.5", Map.of(), null, null),
                value(11, "99.1", components("sewage_collected", "99.1", "sewage_generated", "100"), null, null),
                value(13, "7076.41", Map.of(), null, null),
                value(14, "67.8", components("land_area", "27120.5"), null, null),
                value(15, "31.02", components("waste_utilised", "1234567.8912", "waste_generated", "3980000"),
                        null, null),
                value(16, "100", components("hazardous_handled", "5.0001", "hazardous_generated", "5.0001"),
                        null, null),
                value(17, "54.96", components("land_area", "27120.5"), null,
                        "2025年新增造林面积较大，覆盖率较上年提高"));
    }

    /** Comparable text of values: numbers without trailing zeros, components sorted by key. */
    static List<String> canonical(List<ReportedValue> values) {
        return values.stream().map(SubmissionWorkbookTest::canonical).toList();
    }

    static String canonical(ReportedValue value) {
        Map<String, String> components = new TreeMap<>();
        value.components().forEach((key, number) -> components.put(key, plain(number)));
        return value.indicatorId() + "|" + plain(value.value()) + "|" + components + "|" + value.note() + "|"
                + value.explanation();
    }

    static String plain(BigDecimal number) {
        return number == null ? "null" : number.stripTrailingZeros().toPlainString();
    }

    static byte[] template(List<ReportedValue> existing) {
        return SubmissionWorkbook.template("永吉县", "2025", CATALOG, existing);
    }

    static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** Edits a template with POI the way a user would in Excel, and returns the saved bytes. */
    static byte[] edit(byte[] xlsx, Consumer<XSSFSheet> change) throws IOException {
        try (XSSFWorkbook workbook = open(xlsx)) {
            change.accept(workbook.getSheet(SubmissionWorkbook.SHEET_NAME));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static XSSFRow rowOf(XSSFSheet sheet, int indicatorNumber) {
        return sheet.getRow(FIRST_DATA_ROW + indicatorNumber - 1);
    }

    static XSSFCell cellOf(XSSFSheet sheet, int indicatorNumber, int column) {
        XSSFRow row = rowOf(sheet, indicatorNumber);
        XSSFCell cell = row.getCell(column);
        return cell == null ? row.createCell(column) : cell;
    }

    static List<ReportedValue> read(byte[] xlsx) {
        return SubmissionWorkbook.read(new ByteArrayInputStream(xlsx), CATALOG);
    }

    static ReportedValue find(List<ReportedValue> values, int number) {
        return values.stream().filter(v -> v.indicatorId().equals(id(number))).findFirst().orElseThrow();
    }

    @Test
    void roundTripGivesBackTheDraftForAllSeventeenIndicators() {
        List<ReportedValue> draft = draft();

        List<ReportedValue> read = read(template(draft));

        Map<String, ReportedValue> byId = draft.stream()
                .collect(Collectors.toMap(ReportedValue::indicatorId, v -> v));
        List<ReportedValue> expected = new ArrayList<>();
        for (IndicatorDefinition indicator : CATALOG) {
            expected.add(byId.getOrDefault(indicator.indicatorId(),
                    new ReportedValue(indicator.indicatorId(), null, Map.of(), null, null)));
        }
        assertThat(read).hasSize(17);
        assertThat(canonical(read)).containsExactlyElementsOf(canonical(expected));
    }

    @Test
    void anEmptyTemplateReadsBackAsSeventeenBlankValues() {
        List<ReportedValue> read = read(template(null));

        assertThat(read).extracting(ReportedValue::indicatorId)
                .containsExactlyElementsOf(CATALOG.stream().map(IndicatorDefinition::indicatorId).toList());
        assertThat(read).allSatisfy(value -> {
            assertThat(value.value()).isNull();
            assertThat(value.components()).isEmpty();
            assertThat(value.note()).isNull();
            assertThat(value.explanation()).isNull();
        });
    }

    @Test
    void noAsWellAsYesRoundTrips() {
        List<ReportedValue> read = read(template(List.of(value(7, "0", Map.of(), null, null))));

        assertThat(find(read, 7).value()).isEqualByComparingTo("0");
    }

    @Test
    void templateLooksLikeTheFormTheUsersKnow() throws IOException {
        try (XSSFWorkbook workbook = open(template(draft()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("填报表");
            assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
            XSSFSheet sheet = workbook.getSheet("填报表");

            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("永吉县 2025年 美丽江城建设指标填报表");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 11));
            XSSFRow header = sheet.getRow(2);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("序号", "指标编号", "类别", "指标名称", "计量单位", "数值", "分项一名称",
                    "分项一数值", "分项二名称", "分项二数值", "备注", "变动说明");
            assertThat(header.getCell(0).getCellStyle().getFont().getBold()).isTrue();
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getColumnWidth(3)).isGreaterThan(sheet.getColumnWidth(1));
            assertThat(sheet.getProtect()).isTrue();

            XSSFRow first = rowOf(sheet, 1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(id(1));
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("城市空气质量优良天数比率");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("%");
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(88.8);
            assertThat(first.getCell(10).getStringCellValue()).isEqualTo("监测站自动监测数据");

            XSSFRow ratio = rowOf(sheet, 3);
            assertThat(ratio.getCell(6).getStringCellValue()).isEqualTo("达到或优于Ⅲ类的断面数（个）");
            assertThat(ratio.getCell(8).getStringCellValue()).isEqualTo("考核断面数（个）");
            assertThat(ratio.getCell(7).getNumericCellValue()).isEqualTo(17.0);
            assertThat(ratio.getCell(9).getNumericCellValue()).isEqualTo(19.0);
            XSSFCell computed = ratio.getCell(5);
            assertThat(computed.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(computed.getCellFormula()).isEqualTo("IF(AND(ISNUMBER(H6),ISNUMBER(J6),J6>0),ROUND(100*H6/J6,2),\"\")");
            assertThat(computed.getNumericCellValue()).as("cached for previews").isEqualTo(89.47);
            assertThat(computed.getCellStyle().getLocked()).isTrue();

            XSSFRow area = rowOf(sheet, 14);
            assertThat(area.getCell(6).getStringCellValue()).isEqualTo("国土面积（平方公里）");
            assertThat(area.getCell(8).getStringCellValue()).isEqualTo("—");

            assertThat(rowOf(sheet, 7).getCell(5).getStringCellValue()).isEqualTo("是");
            DataValidation yesNo = sheet.getDataValidations().stream()
                    .filter(v -> v.getRegions().getCellRangeAddresses()[0].isInRange(FIRST_DATA_ROW + 6, 5))
                    .findFirst().orElseThrow();
            assertThat(yesNo.getValidationConstraint().getExplicitListValues()).containsExactly("是", "否");

            XSSFCellStyle input = rowOf(sheet, 1).getCell(5).getCellStyle();
            XSSFCellStyle fixed = rowOf(sheet, 1).getCell(3).getCellStyle();
            assertThat(input.getLocked()).isFalse();
            assertThat(rowOf(sheet, 3).getCell(7).getCellStyle().getLocked()).isFalse();
            assertThat(rowOf(sheet, 1).getCell(11).getCellStyle().getLocked()).isFalse();
            assertThat(fixed.getLocked()).isTrue();
            assertThat(rowOf(sheet, 1).getCell(7).getCellStyle().getLocked()).as("no component: not an input")
                    .isTrue();
            assertThat(input.getFillForegroundColorColor().getARGBHex())
                    .isNotEqualTo(fixed.getFillForegroundColorColor().getARGBHex());
            assertThat(input.getDataFormatString()).isEqualTo("0.00##");

            XSSFSheet guide = workbook.getSheet("填写说明");
            StringBuilder text = new StringBuilder();
            guide.forEach(row -> row.forEach(cell -> text.append(cell.getStringCellValue()).append('\n')));
            assertThat(text.toString()).contains("0到100", "分子不能大于分母", "4位小数", "变动超过30%", "变动说明",
                    "请勿修改或删除“指标编号”列", "是”或“否");
        }
    }

    @Test
    void periodLabelsAreChinese() {
        assertThat(CellText.periodLabel("2025")).isEqualTo("2025年");
        assertThat(CellText.periodLabel("2025-Q3")).isEqualTo("2025年第三季度");
        assertThat(CellText.periodLabel("2025-03")).isEqualTo("2025年3月");
    }

    @Test
    void handMadeWorkbookWithFullWidthDigitsAndThousandsSeparators() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("封面").createRow(0).createCell(0).setCellValue("吉林市");
            XSSFSheet sheet = workbook.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("自己做的表");
            // columns in another order, header on row 4, with spaces and a line break in the header texts
            String[] header = {"备注", "指 标 编 号", "数值", "分项一\n数值", "分项二数值", "变动说明"};
            XSSFRow headerRow = sheet.createRow(3);
            for (int i = 0; i < header.length; i++) {
                headerRow.createCell(i).setCellValue(header[i]);
            }
            XSSFRow ratio = sheet.createRow(4);
            ratio.createCell(1).setCellValue(id(11));
            ratio.createCell(3).setCellValue("1,234.5");
            ratio.createCell(4).setCellValue("１，２３４．５");
            XSSFRow fullWidth = sheet.createRow(5);
            fullWidth.createCell(1).setCellValue(" " + id(13) + " ");
            fullWidth.createCell(2).setCellValue("７０７６．４１");
            fullWidth.createCell(0).setCellValue("　按自然资源部门数据　");
            sheet.createRow(6); // an empty row in between
            XSSFRow percentText = sheet.createRow(7);
            percentText.createCell(1).setCellValue(id(1));
            percentText.createCell(2).setCellValue("88.8%");
            XSSFRow percentFormatted = sheet.createRow(8);
            percentFormatted.createCell(1).setCellValue(id(17));
            XSSFCell share = percentFormatted.createCell(2);
            share.setCellValue(0.5496);
            XSSFCellStyle percentStyle = workbook.createCellStyle();
            percentStyle.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            share.setCellStyle(percentStyle);
            percentFormatted.createCell(3).setCellValue(27120.5);
            XSSFRow yes = sheet.createRow(9);
            yes.createCell(1).setCellValue(id(7));
            yes.createCell(2).setCellValue("ｙ");
            XSSFRow negative = sheet.createRow(10);
            negative.createCell(1).setCellValue(id(2));
            negative.createCell(2).setCellValue("－1,000");
            sheet.createRow(12).createCell(7).setCellValue("填报人：张三");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            bytes = out.toByteArray();
        }

        List<ReportedValue> read = read(bytes);

        assertThat(canonical(read)).containsExactly(
                id(11) + "|100|{sewage_collected=1234.5, sewage_generated=1234.5}|null|null",
                id(13) + "|7076.41|{}|按自然资源部门数据|null",
                id(1) + "|88.8|{}|null|null",
                id(17) + "|54.96|{land_area=27120.5}|null|null",
                id(7) + "|1|{}|null|null",
                id(2) + "|-1000|{}|null|null");
    }

    @Test
    void yesNoAcceptsTheUsualSpellings() throws IOException {
        Map<Object, String> spellings = new LinkedHashMap<>();
        spellings.put("否", "0");
        spellings.put("是", "1");
        spellings.put(" Y ", "1");
        spellings.put("n", "0");
        spellings.put("1", "1");
        spellings.put("0", "0");
        spellings.put("ＹＥＳ", "1");
        spellings.put(1.0, "1");
        spellings.put(0.0, "0");
        spellings.put(Boolean.TRUE, "1");
        spellings.put("", "null");
        byte[] template = template(null);
        for (Map.Entry<Object, String> spelling : spellings.entrySet()) {
            byte[] edited = edit(template, sheet -> {
                XSSFCell cell = cellOf(sheet, 7, 5);
                if (spelling.getKey() instanceof Double number) {
                    cell.setCellValue(number);
                } else if (spelling.getKey() instanceof Boolean bool) {
                    cell.setCellValue(bool);
                } else {
                    cell.setCellValue((String) spelling.getKey());
                }
            });
            assertThat(plain(find(read(edited), 7).value())).as("%s", spelling.getKey()).isEqualTo(spelling.getValue());
        }
    }

    @Test
    void formulasAreReadFromTheirCachedResultNeverEvaluated() throws IOException {
        byte[] edited = edit(template(null), sheet -> {
            XSSFCell cell = cellOf(sheet, 14, 7);
            cell.setCellFormula("1+1");
            cell.setCellValue(27120.5); // what Excel showed the user; evaluating would give 2
        });
        try (XSSFWorkbook workbook = open(edited)) {
            assertThat(cellOf(workbook.getSheet("填报表"), 14, 7).getCellType()).isEqualTo(CellType.FORMULA);
        }

        assertThat(find(read(edited), 14).components()).containsEntry("land_area", new BigDecimal("27120.5"));
    }

    @Test
    void ratioValueIsComputedFromTheComponentsNotFromAStaleCachedResult() throws IOException {
        byte[] edited = edit(template(draft()), sheet -> cellOf(sheet, 3, 7).setCellValue(18));

        assertThat(find(read(edited), 3).value()).isEqualByComparingTo("94.74");
    }

    @Test
    void numberParsingHandlesWhatPeopleType() {
        assertThat(SubmissionWorkbookCells.parse("1,234.5", false)).isEqualByComparingTo("1234.5");
        assertThat(SubmissionWorkbookCells.parse("１２３４．５", false)).isEqualByComparingTo("1234.5");
        assertThat(SubmissionWorkbookCells.parse("１，２３４，５６７", false)).isEqualByComparingTo("1234567");
        assertThat(SubmissionWorkbookCells.parse(" 12。5 ", false)).isEqualByComparingTo("12.5");
        assertThat(SubmissionWorkbookCells.parse("95%", true)).isEqualByComparingTo("95");
        assertThat(SubmissionWorkbookCells.parse("９５％", true)).isEqualByComparingTo("95");
        assertThat(SubmissionWorkbookCells.parse("95%", false)).isNull();
        assertThat(SubmissionWorkbookCells.parse("1,23", false)).isNull();
        assertThat(SubmissionWorkbookCells.parse("12 34", false)).isNull();
        assertThat(SubmissionWorkbookCells.parse("1.2E3", false)).isNull();
        assertThat(SubmissionWorkbookCells.parse("abc", false)).isNull();
        assertThat(SubmissionWorkbookCells.parse("", false)).isNull();
    }

    @Test
    void floatingPointNoiseFromExcelIsRoundedAway() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 13, 5).setCellValue(0.1 + 0.2));

        assertThat(find(read(edited), 13).value()).isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void extraCellsOutsideTheTableAreIgnored() throws IOException {
        byte[] edited = edit(template(draft()), sheet -> {
            sheet.createRow(FIRST_DATA_ROW + 20).createCell(0).setCellValue("填报人：李四　联系电话：0432-1234567");
            cellOf(sheet, 1, 13).setCellValue("表外批注");
        });

        List<ReportedValue> read = read(edited);
        assertThat(read).hasSize(17);
        assertThat(plain(find(read, 1).value())).isEqualTo("88.8");
    }
}
