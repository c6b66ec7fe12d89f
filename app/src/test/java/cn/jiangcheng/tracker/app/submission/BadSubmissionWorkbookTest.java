package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbookTest.cellOf;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbookTest.draft;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbookTest.edit;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbookTest.id;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbookTest.read;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbookTest.rowOf;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbookTest.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way an upload can be unreadable gives BAD_WORKBOOK with a message the user can act on: for cell
 * problems the Excel row number and the column. Row numbers below are Excel's (indicator n is on row n + 3).
 */
class BadSubmissionWorkbookTest {

    static String failure(byte[] xlsx) {
        return failure(() -> read(xlsx));
    }

    static String failure(Executable action) {
        BusinessRuleViolation violation = catchThrowableOfType(BusinessRuleViolation.class, action::execute);
        assertThat(violation).as("expected a BusinessRuleViolation").isNotNull();
        assertThat(violation.code()).isEqualTo("BAD_WORKBOOK");
        return violation.getMessage();
    }

    @Test
    void unknownIndicatorId() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 2, 1).setCellValue("220200-I99"));

        assertThat(failure(edited)).contains("第5行B列“指标编号”", "220200-I99", "请勿修改指标编号");
    }

    @Test
    void indicatorNotAssignedToTheUnitIsUnknown() {
        byte[] full = template(null);

        String message = failure(() -> SubmissionWorkbook.read(new ByteArrayInputStream(full),
                SubmissionWorkbookTest.CATALOG.subList(0, 16)));

        assertThat(message).contains("第20行B列", id(17));
    }

    @Test
    void sameIndicatorTwice() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 4, 1).setCellValue(id(3)));

        assertThat(failure(edited)).contains("第7行B列", "已在第6行填写", "国控考核断面地表水质量达到或优于Ⅲ类水体比例");
    }

    @Test
    void textThatIsNotANumber() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 2, 5).setCellValue("约30"));

        assertThat(failure(edited)).contains("第5行F列“数值”", "“约30”不是有效的数字");
    }

    @Test
    void componentThatIsNotANumber() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 5, 9).setCellValue("三个"));

        assertThat(failure(edited)).contains("第8行J列“分项二数值”", "三个");
    }

    @Test
    void percentSignInACountIsNotANumber() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 3, 7).setCellValue("17%"));

        assertThat(failure(edited)).contains("第6行H列“分项一数值”", "17%");
    }

    @Test
    void errorValueInACell() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 13, 5).setCellErrorValue(FormulaError.NA));

        assertThat(failure(edited)).contains("第16行F列“数值”", "#N/A");
    }

    @Test
    void formulaWithAnErrorResult() throws IOException {
        byte[] edited = edit(template(null), sheet -> {
            XSSFCell cell = cellOf(sheet, 8, 7);
            cell.setCellFormula("1/0");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
        });

        assertThat(failure(edited)).contains("第11行H列“分项一数值”", "#DIV/0!");
    }

    @Test
    void formulaWithoutACachedResult() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 13, 5).setCellFormula("7000+76.41"));

        assertThat(failure(edited)).contains("第16行F列“数值”", "公式没有计算结果");
    }

    @Test
    void yesNoThatIsNeither() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 7, 5).setCellValue("基本是"));

        assertThat(failure(edited)).contains("第10行F列“数值”", "基本是", "“是”或“否”");
    }

    @Test
    void yesNoNumberThatIsNeither() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 7, 5).setCellValue(2));

        assertThat(failure(edited)).contains("第10行F列“数值”", "“2”无法识别");
    }

    @Test
    void componentForAnIndicatorWithoutComponents() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 1, 7).setCellValue(5));

        assertThat(failure(edited)).contains("第4行H列“分项一数值”", "没有分项一");
    }

    @Test
    void secondComponentForAnAreaWeightedIndicator() throws IOException {
        byte[] edited = edit(template(null), sheet -> cellOf(sheet, 17, 9).setCellValue(5));

        assertThat(failure(edited)).contains("第20行J列“分项二数值”", "没有分项二");
    }

    @Test
    void numberExcelTurnedIntoADate() throws IOException {
        byte[] edited = edit(template(null), sheet -> {
            XSSFCell cell = cellOf(sheet, 13, 5);
            XSSFCellStyle date = sheet.getWorkbook().createCellStyle();
            date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy/m/d"));
            cell.setCellStyle(date);
            cell.setCellValue(45721);
        });

        assertThat(failure(edited)).contains("第16行F列“数值”", "日期");
    }

    @Test
    void deletedIndicatorIdOnARowWithData() throws IOException {
        byte[] edited = edit(template(draft()), sheet -> rowOf(sheet, 2).removeCell(cellOf(sheet, 2, 1)));

        assertThat(failure(edited)).contains("第5行B列“指标编号”为空");
    }

    @Test
    void headerNotFound() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFRow row = workbook.createSheet("填报表").createRow(0);
            row.createCell(0).setCellValue("编号");
            row.createCell(1).setCellValue("数值");
            assertThat(failure(bytes(workbook))).contains("未找到表头", "指标编号");
        }
    }

    @Test
    void headerWithoutTheComponentColumns() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("填报表");
            XSSFRow row = sheet.createRow(4);
            row.createCell(0).setCellValue("指标编号");
            row.createCell(1).setCellValue("数值");
            row.createCell(2).setCellValue("分项一数值");
            assertThat(failure(bytes(workbook))).contains("第5行", "分项二数值");
        }
    }

    @Test
    void moreThanAThousandRows() throws IOException {
        byte[] edited = edit(template(null), sheet -> {
            for (int i = 0; i < 1000; i++) {
                sheet.createRow(100 + i).createCell(20).setCellValue("x");
            }
        });

        assertThat(failure(edited)).contains("超过1000行");
    }

    @Test
    void notAnExcelFile() {
        assertThat(failure("序号,指标编号,数值\n1,220200-I01,88.8\n".getBytes(StandardCharsets.UTF_8)))
                .contains("不是Excel（.xlsx）文件");
    }

    @Test
    void emptyFile() {
        assertThat(failure(new byte[0])).contains("空的");
    }

    @Test
    void oldXlsFile() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("填报表").createRow(0).createCell(0).setCellValue("指标编号");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            assertThat(failure(out.toByteArray())).contains(".xls", "另存为");
        }
    }

    @Test
    void passwordProtectedFile() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(template(null)));
             OutputStream out = encryptor.getDataStream(fs)) {
            opc.save(out);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();

        assertThat(failure(out.toByteArray())).contains("密码");
    }

    @Test
    void truncatedFile() {
        byte[] whole = template(null);

        assertThat(failure(Arrays.copyOf(whole, whole.length / 2))).contains("文件已损坏");
    }

    @Test
    void zipThatIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("不是表格".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(failure(out.toByteArray())).contains("不是Excel（.xlsx）文件");
    }

    @Test
    void zipBombIsRefused() throws IOException {
        byte[] template = template(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 8; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).as("highly compressed").isLessThan(100_000);

        assertThat(failure(out.toByteArray())).contains("已拒绝读取");
    }

    @Test
    void fileAboveTheSizeLimit() {
        byte[] big = new byte[SubmissionWorkbookFile.MAX_FILE_BYTES + 1];
        big[0] = 'P';
        big[1] = 'K';

        assertThat(failure(big)).contains("超过10MB");
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
