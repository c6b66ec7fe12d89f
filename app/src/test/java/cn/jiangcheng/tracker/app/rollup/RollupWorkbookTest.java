package cn.jiangcheng.tracker.app.rollup;

import cn.jiangcheng.tracker.app.rollup.RollupWorkbook.Row;
import cn.jiangcheng.tracker.app.rollup.RollupWorkbook.Sheet;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RollupWorkbookTest {
    static final List<String> UNITS = List.of("船营区", "永吉县", "吉林经济技术开发区");
    static final Instant GENERATED = Instant.parse("2025-06-01T10:30:00Z");

    static Map<String, BigDecimal> unitValues(Object... nameAndValue) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (int i = 0; i < nameAndValue.length; i += 2) {
            values.put((String) nameAndValue[i], new BigDecimal((String) nameAndValue[i + 1]));
        }
        return values;
    }

    static Sheet sample(boolean includePending) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(1, "生态环境质量", "城市空气质量优良天数比率", "%", "88.8", "≥90", 2027,
                new BigDecimal("91.2345"), new BigDecimal("0.8512"), "达标", "2027年目标≥90，实际91.23", false, Map.of(),
                Set.of()));
        rows.add(new Row(3, "生态环境质量", "国控考核断面地表水质量达到或优于Ⅲ类水体比例", "%", "89.5", "94.7", 2027,
                new BigDecimal("89.4736842"), null, "未达标", null, false,
                unitValues("船营区", "100", "永吉县", "85.714", "吉林经济技术开发区", "1234.5"), Set.of()));
        rows.add(new Row(7, "生态环境质量", "重点建设用地安全利用", "", "有效保障", "完成省下达目标", 2027,
                BigDecimal.ONE, null, "BEHIND", null, true, unitValues("船营区", "1", "永吉县", "0"),
                Set.of("吉林经济技术开发区")));
        rows.add(new Row(10, "绿色低碳发展", "非化石能源占一次能源消费比例", "%", "—", null, null, null, null,
                "暂无数据", null, false, Map.of(), Set.of()));
        return new Sheet("吉林市", "2025", includePending, includePending ? null : "已于2026-02-10截止汇总（截止时未报送：永吉县）",
                UNITS, rows);
    }

    static XSSFWorkbook export(Sheet sheet) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(RollupWorkbook.export(sheet, GENERATED)));
    }

    static XSSFCell cell(XSSFSheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column);
    }

    @Test
    void titleAndHeaders() throws IOException {
        try (XSSFWorkbook workbook = export(sample(true))) {
            XSSFSheet sheet = workbook.getSheet("城市汇总");
            assertThat(sheet).isNotNull();
            assertThat(cell(sheet, 0, 0).getStringCellValue()).isEqualTo("吉林市 2025年 美丽江城建设指标城市汇总表");
            assertThat(cell(sheet, 1, 0).getStringCellValue())
                    .contains("城市：吉林市", "期间：2025年", "是否含待审数据：是", "生成时间：2025-06-01 18:30");
            XSSFRow header = sheet.getRow(2);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("序号", "类别", "指标", "计量单位", "2023年基准值", "下一目标（年份）", "城市值",
                    "进展（%）", "状态", "判定依据", "船营区", "永吉县", "吉林经济技术开发区");
            assertThat(header.getCell(0).getCellStyle().getFont().getBold()).isTrue();
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 3);
        }
    }

    @Test
    void withoutPendingDataTheTitleSaysSo() throws IOException {
        try (XSSFWorkbook workbook = export(sample(false))) {
            assertThat(cell(workbook.getSheet("城市汇总"), 1, 0).getStringCellValue()).contains("是否含待审数据：否",
                    "已于2026-02-10截止汇总（截止时未报送：永吉县）");
        }
    }

    @Test
    void numbersAreNumbersWithTwoDecimalsInTheRightCells() throws IOException {
        try (XSSFWorkbook workbook = export(sample(true))) {
            XSSFSheet sheet = workbook.getSheet("城市汇总");
            XSSFCell number = cell(sheet, 3, 0);
            assertThat(number.getNumericCellValue()).isEqualTo(1.0);
            assertThat(cell(sheet, 3, 2).getStringCellValue()).isEqualTo("城市空气质量优良天数比率");
            assertThat(cell(sheet, 3, 4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell(sheet, 3, 4).getNumericCellValue()).isEqualTo(88.8);
            assertThat(cell(sheet, 3, 5).getStringCellValue()).isEqualTo("≥90（2027年）");
            XSSFCell cityValue = cell(sheet, 3, 6);
            assertThat(cityValue.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cityValue.getNumericCellValue()).isEqualTo(91.23);
            assertThat(cityValue.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            XSSFCell progress = cell(sheet, 3, 7);
            assertThat(progress.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(progress.getNumericCellValue()).isEqualTo(85.12);
            assertThat(cell(sheet, 3, 8).getStringCellValue()).isEqualTo("达标");
            assertThat(cell(sheet, 3, 9).getStringCellValue()).isEqualTo("2027年目标≥90，实际91.23");

            assertThat(cell(sheet, 4, 6).getNumericCellValue()).isEqualTo(89.47);
            assertThat(cell(sheet, 4, 7).getStringCellValue()).isEqualTo("—");
            assertThat(cell(sheet, 4, 10).getNumericCellValue()).isEqualTo(100.0);
            assertThat(cell(sheet, 4, 11).getNumericCellValue()).isEqualTo(85.71);
            assertThat(cell(sheet, 4, 12).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell(sheet, 4, 12).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(cell(sheet, 4, 12).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");

            assertThat(cell(sheet, 5, 4).getStringCellValue()).isEqualTo("有效保障");
            assertThat(cell(sheet, 5, 6).getStringCellValue()).isEqualTo("是");
            assertThat(cell(sheet, 5, 10).getStringCellValue()).isEqualTo("是");
            assertThat(cell(sheet, 5, 11).getStringCellValue()).isEqualTo("否");
            assertThat(cell(sheet, 5, 12).getStringCellValue()).as("不涉及 unit").isEqualTo("不涉及");
            assertThat(cell(sheet, 5, 8).getStringCellValue()).as("status code mapped").isEqualTo("进度滞后");

            assertThat(cell(sheet, 6, 5).getStringCellValue()).isEqualTo("—");
            assertThat(cell(sheet, 6, 6).getStringCellValue()).isEqualTo("—");
            assertThat(cell(sheet, 6, 8).getStringCellValue()).isEqualTo("暂无数据");
        }
    }

    @Test
    void statusCellsAreColoured() throws IOException {
        try (XSSFWorkbook workbook = export(sample(true))) {
            XSSFSheet sheet = workbook.getSheet("城市汇总");
            assertThat(fill(cell(sheet, 3, 8))).isEqualTo("C6EFCE");
            assertThat(fill(cell(sheet, 4, 8))).isEqualTo("FFC7CE");
            assertThat(fill(cell(sheet, 5, 8))).isEqualTo("FCD5B4");
            assertThat(fill(cell(sheet, 6, 8))).isEqualTo("E7E6E6");
        }
    }

    @Test
    void statusCodesHaveChineseLabels() {
        assertThat(RollupWorkbook.statusLabel("MET")).isEqualTo("达标");
        assertThat(RollupWorkbook.statusLabel("NOT_MET")).isEqualTo("未达标");
        assertThat(RollupWorkbook.statusLabel("ON_TRACK")).isEqualTo("进度符合预期");
        assertThat(RollupWorkbook.statusLabel("BEHIND")).isEqualTo("进度滞后");
        assertThat(RollupWorkbook.statusLabel("OFF_TRACK")).isEqualTo("预计难以完成");
        assertThat(RollupWorkbook.statusLabel("INCOMPLETE")).isEqualTo("数据不全");
        assertThat(RollupWorkbook.statusLabel("NO_BASELINE")).isEqualTo("无基准值");
        assertThat(RollupWorkbook.statusLabel("NO_DATA")).isEqualTo("暂无数据");
        assertThat(RollupWorkbook.statusLabel("NO_TARGET")).isEqualTo("无目标");
    }

    @Test
    void anEmptyRollupStillOpens() throws IOException {
        try (XSSFWorkbook workbook = export(new Sheet("吉林市", "2025-Q2", false, null, List.of(), List.of()))) {
            XSSFSheet sheet = workbook.getSheet("城市汇总");
            assertThat(cell(sheet, 0, 0).getStringCellValue()).contains("2025年第二季度");
            assertThat(sheet.getRow(2).getLastCellNum()).isEqualTo((short) 10);
        }
    }

    private static String fill(XSSFCell cell) {
        byte[] rgb = cell.getCellStyle().getFillForegroundColorColor().getRGB();
        return "%02X%02X%02X".formatted(rgb[0], rgb[1], rgb[2]);
    }
}
