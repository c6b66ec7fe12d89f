package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.submitAndApprove;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/** A county fills its report in Excel; the bureau exports the city table to Excel. */
class ExcelHttpTest extends HttpTestBase {

    @Test
    void aFilledTemplateUploadsAsADraftCheckedLikeTheForm() throws Exception {
        ApiClient jiaohe = as("jiaohe-submitter");
        byte[] template = bytes(jiaohe, "/api/submissions/template?orgUnitId=220281&period=2012");
        byte[] filled;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("填报表");
            Map<String, Integer> columns = new HashMap<>();
            int headerRow = -1;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        columns.putIfAbsent(cell.getStringCellValue(), cell.getColumnIndex());
                    }
                }
                if (columns.containsKey("指标编号")) {
                    headerRow = row.getRowNum();
                    break;
                }
            }
            assertThat(headerRow).as("header row found").isGreaterThanOrEqualTo(0);
            int filledRows = 0;
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(columns.get("指标编号")) == null) {
                    continue;
                }
                String id = row.getCell(columns.get("指标编号")).getStringCellValue();
                if (id.equals("220200-I03")) {
                    row.getCell(columns.get("分项一数值"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(3);
                    row.getCell(columns.get("分项二数值"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(4);
                    filledRows++;
                } else if (id.equals("220200-I13")) {
                    row.getCell(columns.get("数值"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("１,２３４.５");
                    filledRows++;
                }
            }
            assertThat(filledRows).isEqualTo(2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        long before = eventCount();
        ApiClient.Response uploaded = jiaohe.upload("/api/submissions/upload?orgUnitId=220281&period=2012", "report.xlsx", filled);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode draft = awaitReport(jiaohe, uploaded.json().path("id").asText(), s -> s.path("values").size() >= 2);
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        Map<String, String> values = new HashMap<>();
        draft.path("values").forEach(v -> values.put(v.path("indicator").asText(), v.path("value").asText()));
        assertThat(new java.math.BigDecimal(values.get("220200-I03"))).isEqualByComparingTo("75");
        assertThat(new java.math.BigDecimal(values.get("220200-I13"))).isEqualByComparingTo("1234.5");
        assertThat(eventCount()).isGreaterThan(before);

        long afterUpload = eventCount();
        ApiClient.Response notExcel = jiaohe.upload("/api/submissions/upload?orgUnitId=220281&period=2012", "report.xlsx",
                "就是一段文字".getBytes(StandardCharsets.UTF_8));
        assertThat(notExcel.status()).isEqualTo(422);
        assertThat(notExcel.code()).isEqualTo("BAD_WORKBOOK");
        assertThat(eventCount()).isEqualTo(afterUpload);
        assertThat(as("yongji-submitter").upload("/api/submissions/upload?orgUnitId=220281&period=2012", "report.xlsx", filled)
                .status()).as("only for one's own unit").isEqualTo(404);
    }

    @Test
    void theCityTableExportsToExcelWithTheRightNumbers() throws Exception {
        ApiClient yongji = as("yongji-submitter");
        String id = create(yongji, "220221", "2013", values(9, 10));
        submitAndApprove(yongji, as("sthj-approver"), id);
        byte[] xlsx = bytes(as("auditor"), "/api/rollups/city/export?period=2013");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("城市汇总");
            assertThat(sheet).isNotNull();
            boolean found = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals("国控考核断面地表水质量达到或优于Ⅲ类水体比例")) {
                        boolean hasNinety = false;
                        for (Cell other : row) {
                            if (other.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                    && Math.abs(other.getNumericCellValue() - 90.0) < 1e-9) {
                                hasNinety = true;
                            }
                        }
                        assertThat(hasNinety).as("city value 90 in the row").isTrue();
                        found = true;
                    }
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(yongji.get("/api/rollups/city/export?period=2013").status()).isEqualTo(403);
    }

    private static byte[] bytes(ApiClient client, String path) throws Exception {
        HttpResponse<byte[]> response = client.download(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        return response.body();
    }

}
