package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.excel.CellText;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_CATEGORY;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_COMPONENT1;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_COMPONENT1_NAME;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_COMPONENT2;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_COMPONENT2_NAME;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_EXPLANATION;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_ID;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_NAME;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_NOTE;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_NUMBER;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_UNIT;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.COL_VALUE;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.FIRST_DATA_ROW;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.GUIDE_SHEET_NAME;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.HEADERS;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.HEADER_ROW;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.INFO_ROW;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.LINE_POINTS;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.MAX_COMPONENTS;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.NO;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.SHEET_NAME;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.TITLE_ROW;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.WIDTHS;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.YES;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.components;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.isRatio;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.nullToEmpty;

/**
 * Writes the form's sheet 填报表: title, header, one row per indicator prefilled with the draft, Excel's own
 * checks on the input cells, print set-up and sheet protection; then the guide sheet.
 */
final class SubmissionTemplateWriter {
    private final XSSFWorkbook workbook;
    private final String unitName;
    private final String periodLabel;
    private final List<IndicatorDefinition> indicators;
    private final Map<String, ReportedValue> existing;
    private final XSSFSheet sheet;
    private final XSSFDataValidationHelper validations;
    private final SubmissionWorkbookStyles styles;
    private final CellRangeAddressList yesNoCells = new CellRangeAddressList();
    private final CellRangeAddressList percentCells = new CellRangeAddressList();
    private final CellRangeAddressList nonNegativeCells = new CellRangeAddressList();
    private final CellRangeAddressList rateCells = new CellRangeAddressList();

    SubmissionTemplateWriter(XSSFWorkbook workbook, String unitName, String periodLabel,
                             List<IndicatorDefinition> indicators, Map<String, ReportedValue> existing) {
        this.workbook = workbook;
        this.unitName = unitName;
        this.periodLabel = periodLabel;
        this.indicators = indicators;
        this.existing = existing;
        this.sheet = workbook.createSheet(SHEET_NAME);
        this.validations = new XSSFDataValidationHelper(sheet);
        this.styles = new SubmissionWorkbookStyles(workbook);
    }

    void write() {
        int lastColumn = HEADERS.size() - 1;
        String titleText = (unitName.isEmpty() ? "" : unitName + " ") + (periodLabel.isEmpty() ? "" : periodLabel + " ")
                + "美丽江城建设指标填报表";
        XSSFRow titleRow = sheet.createRow(TITLE_ROW);
        titleRow.setHeightInPoints(30);
        text(titleRow, 0, titleText, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, lastColumn));

        XSSFRow infoRow = sheet.createRow(INFO_ROW);
        infoRow.setHeightInPoints(20);
        text(infoRow, 0, "填报单位：" + unitName + "　　填报期间：" + periodLabel
                + "　　黄色单元格为填报项，灰色单元格请勿修改，填写要求见“" + GUIDE_SHEET_NAME + "”工作表。", styles.info);
        sheet.addMergedRegion(new CellRangeAddress(INFO_ROW, INFO_ROW, 0, lastColumn));

        XSSFRow headerRow = sheet.createRow(HEADER_ROW);
        headerRow.setHeightInPoints(LINE_POINTS * 2 + 4);
        for (int column = 0; column < HEADERS.size(); column++) {
            text(headerRow, column, HEADERS.get(column), styles.header);
            sheet.setColumnWidth(column, WIDTHS[column] * 256);
        }
        comment(headerRow.getCell(COL_ID), "系统按指标编号识别每一行，请勿修改或删除。");
        comment(headerRow.getCell(COL_VALUE), "比例类指标的数值由分项自动计算；是否类指标请从下拉列表选择“是”或“否”。");

        int rowIndex = FIRST_DATA_ROW;
        for (IndicatorDefinition indicator : indicators) {
            writeIndicator(sheet.createRow(rowIndex), indicator,
                    existing.get(indicator.indicatorId()));
            rowIndex++;
        }
        addValidations();

        sheet.createFreezePane(COL_NAME + 1, FIRST_DATA_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(TITLE_ROW, HEADER_ROW, -1, -1));
        sheet.setActiveCell(new CellAddress(FIRST_DATA_ROW, COL_VALUE));
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        protect(sheet);

        new SubmissionWorkbookGuide(unitName, periodLabel, indicators).write(workbook, styles);
        workbook.setActiveSheet(0);
        workbook.setForceFormulaRecalculation(true);
        workbook.getProperties().getCoreProperties().setTitle(titleText);
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
    }

    private void writeIndicator(XSSFRow row, IndicatorDefinition indicator, ReportedValue value) {
        int excelRow = row.getRowNum() + 1;
        List<ComponentSpec> components = components(indicator);
        Map<String, BigDecimal> givenComponents = value == null || value.components() == null
                ? Map.of() : value.components();

        number(row, COL_NUMBER, BigDecimal.valueOf(indicator.number()), styles.fixedCenter);
        text(row, COL_ID, indicator.indicatorId(), styles.fixedId);
        text(row, COL_CATEGORY, nullToEmpty(indicator.category()), styles.fixedText);
        text(row, COL_NAME, nullToEmpty(indicator.name()), styles.fixedText);
        text(row, COL_UNIT, nullToEmpty(indicator.unit()), styles.fixedCenter);

        int height = Math.max(CellText.lines(indicator.name(), WIDTHS[COL_NAME]),
                CellText.lines(indicator.category(), WIDTHS[COL_CATEGORY]));
        for (int i = 0; i < MAX_COMPONENTS; i++) {
            int nameColumn = i == 0 ? COL_COMPONENT1_NAME : COL_COMPONENT2_NAME;
            int valueColumn = i == 0 ? COL_COMPONENT1 : COL_COMPONENT2;
            if (i < components.size()) {
                ComponentSpec component = components.get(i);
                String label = nullToEmpty(component.label())
                        + (component.unit() == null || component.unit().isBlank() ? "" : "（" + component.unit() + "）");
                text(row, nameColumn, label, styles.fixedText);
                height = Math.max(height, CellText.lines(label, WIDTHS[nameColumn]));
                XSSFCellStyle style = "个".equals(component.unit()) ? styles.inputCount : styles.inputNumber;
                number(row, valueColumn, givenComponents.get(component.key()), style);
                nonNegativeCells.addCellRangeAddress(row.getRowNum(), valueColumn, row.getRowNum(), valueColumn);
            } else {
                text(row, nameColumn, "—", styles.fixedCenter);
                text(row, valueColumn, null, styles.fixedCenter);
            }
        }

        BigDecimal number = value == null ? null : value.value();
        if (isRatio(indicator)) {
            String numerator = CellReference.convertNumToColString(COL_COMPONENT1) + excelRow;
            String denominator = CellReference.convertNumToColString(COL_COMPONENT2) + excelRow;
            XSSFCell cell = row.createCell(COL_VALUE);
            cell.setCellStyle(styles.computed);
            cell.setCellFormula("IF(AND(ISNUMBER(%1$s),ISNUMBER(%2$s),%2$s>0),ROUND(100*%1$s/%2$s,2),\"\")"
                    .formatted(numerator, denominator));
        } else if (indicator.valueType() == ValueType.YES_NO) {
            String choice = number == null ? null
                    : number.compareTo(BigDecimal.ONE) == 0 ? YES
                    : number.signum() == 0 ? NO : number.toPlainString();
            text(row, COL_VALUE, choice, styles.inputChoice);
            yesNoCells.addCellRangeAddress(row.getRowNum(), COL_VALUE, row.getRowNum(), COL_VALUE);
        } else if (indicator.valueType() == ValueType.PERCENT) {
            number(row, COL_VALUE, number, styles.inputPercent);
            percentCells.addCellRangeAddress(row.getRowNum(), COL_VALUE, row.getRowNum(), COL_VALUE);
        } else if (indicator.valueType() == ValueType.RATE) {
            number(row, COL_VALUE, number, styles.inputNumber);
            rateCells.addCellRangeAddress(row.getRowNum(), COL_VALUE, row.getRowNum(), COL_VALUE);
        } else {
            number(row, COL_VALUE, number, styles.inputNumber);
            nonNegativeCells.addCellRangeAddress(row.getRowNum(), COL_VALUE, row.getRowNum(), COL_VALUE);
        }

        String note = value == null ? null : value.note();
        String explanation = value == null ? null : value.explanation();
        text(row, COL_NOTE, note, styles.inputText);
        text(row, COL_EXPLANATION, explanation, styles.inputText);
        height = Math.max(height, Math.max(CellText.lines(note, WIDTHS[COL_NOTE]),
                CellText.lines(explanation, WIDTHS[COL_EXPLANATION])));
        row.setHeightInPoints(Math.max(2, height) * LINE_POINTS + 4);
    }

    private void addValidations() {
        if (yesNoCells.countRanges() > 0) {
            DataValidation validation = validations.createValidation(
                    validations.createExplicitListConstraint(new String[]{YES, NO}), yesNoCells);
            validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
            validation.setShowErrorBox(true);
            validation.createErrorBox("请选择", "请从下拉列表中选择“是”或“否”。");
            validation.setShowPromptBox(true);
            validation.createPromptBox("是否类指标", "请选择“是”或“否”。");
            sheet.addValidationData(validation);
        }
        if (percentCells.countRanges() > 0) {
            DataValidation validation = validations.createValidation(validations.createDecimalConstraint(
                    OperatorType.BETWEEN, "0", "100"), percentCells);
            validation.setShowErrorBox(true);
            validation.createErrorBox("数值超出范围", "百分比请填写0到100之间的数值，不带%号，例如88.8%填88.8。");
            validation.setShowPromptBox(true);
            validation.createPromptBox("百分比", "填写0到100之间的数值，不带%号，最多4位小数。");
            sheet.addValidationData(validation);
        }
        if (rateCells.countRanges() > 0) {
            DataValidation validation = validations.createValidation(validations.createDecimalConstraint(
                    OperatorType.BETWEEN, "-99.9999", "99.9999"), rateCells);
            validation.setShowErrorBox(true);
            validation.createErrorBox("数值超出范围", "年度变化率请填写-100到100之间的数值，上升时填负数，例如-1.2。");
            validation.setShowPromptBox(true);
            validation.createPromptBox("年度变化率", "降低为正数、上升为负数，不带%号，最多4位小数。");
            sheet.addValidationData(validation);
        }
        if (nonNegativeCells.countRanges() > 0) {
            DataValidation validation = validations.createValidation(validations.createDecimalConstraint(
                    OperatorType.GREATER_OR_EQUAL, "0", null), nonNegativeCells);
            validation.setShowErrorBox(true);
            validation.createErrorBox("数值无效", "请填写不小于0的数值，最多4位小数。");
            sheet.addValidationData(validation);
        }
    }

    private void comment(XSSFCell cell, String text) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + 3);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 3);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(workbook.getCreationHelper().createRichTextString(text));
        cell.setCellComment(comment);
    }

    private static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockFormatCells(true);
        sheet.lockInsertRows(true);
        sheet.lockDeleteRows(true);
        sheet.lockInsertColumns(true);
        sheet.lockDeleteColumns(true);
        sheet.lockSort(true);
        sheet.lockAutoFilter(true);
        sheet.lockObjects(true);
    }

    static XSSFCell text(XSSFRow row, int column, String text, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (text != null && !text.isEmpty()) {
            cell.setCellValue(text);
        }
        return cell;
    }

    static XSSFCell number(XSSFRow row, int column, BigDecimal value, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }
}
