package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.excel.CellText;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The xlsx form a unit fills in offline: {@link #template} writes it (prefilled with the current draft),
 * {@link #read} parses it back into the same {@link ReportedValue}s the web form sends. Stateless, static methods
 * only. Parsing checks that the file is a well-formed form; the business rules (ranges, numerator ≤ denominator,
 * explanations) are left to the command the values are passed to, exactly as for the web form.
 */
public final class SubmissionWorkbook {
    /** The sheet the parser looks for first (any sheet with the header row is accepted). */
    public static final String SHEET_NAME = "填报表";
    public static final String GUIDE_SHEET_NAME = "填写说明";
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int COL_NUMBER = 0;
    static final int COL_ID = 1;
    static final int COL_CATEGORY = 2;
    static final int COL_NAME = 3;
    static final int COL_UNIT = 4;
    static final int COL_VALUE = 5;
    static final int COL_COMPONENT1_NAME = 6;
    static final int COL_COMPONENT1 = 7;
    static final int COL_COMPONENT2_NAME = 8;
    static final int COL_COMPONENT2 = 9;
    static final int COL_NOTE = 10;
    static final int COL_EXPLANATION = 11;

    static final String H_ID = "指标编号";
    static final String H_VALUE = "数值";
    static final String H_COMPONENT1 = "分项一数值";
    static final String H_COMPONENT2 = "分项二数值";
    static final String H_NOTE = "备注";
    static final String H_EXPLANATION = "变动说明";
    static final List<String> HEADERS = List.of("序号", H_ID, "类别", "指标名称", "计量单位", H_VALUE, "分项一名称",
            H_COMPONENT1, "分项二名称", H_COMPONENT2, H_NOTE, H_EXPLANATION);
    private static final int[] WIDTHS = {6, 12, 13, 34, 11, 12, 26, 13, 24, 13, 24, 30};

    static final String YES = "是";
    static final String NO = "否";

    private static final int TITLE_ROW = 0;
    private static final int INFO_ROW = 1;
    private static final int HEADER_ROW = 2;
    private static final int FIRST_DATA_ROW = 3;
    private static final int MAX_COMPONENTS = 2;
    private static final float LINE_POINTS = 14.5f;

    private SubmissionWorkbook() {
    }

    /**
     * The form for one unit and period: one row per indicator (sorted by its number in the plan), prefilled with
     * {@code existingValues} (may be empty or null).
     *
     * @throws IllegalArgumentException if an indicator has more than two components (the form has two columns)
     */
    public static byte[] template(String unitName, String period, List<IndicatorDefinition> indicators,
                                  List<ReportedValue> existingValues) {
        List<IndicatorDefinition> sorted = new ArrayList<>(indicators == null ? List.of() : indicators);
        sorted.sort(Comparator.comparingInt(IndicatorDefinition::number));
        for (IndicatorDefinition indicator : sorted) {
            if (indicator.components() != null && indicator.components().size() > MAX_COMPONENTS) {
                throw new IllegalArgumentException("indicator " + indicator.indicatorId() + " has more than "
                        + MAX_COMPONENTS + " components");
            }
        }
        Map<String, ReportedValue> existing = new HashMap<>();
        for (ReportedValue value : existingValues == null ? List.<ReportedValue>of() : existingValues) {
            if (value != null && value.indicatorId() != null) {
                existing.put(value.indicatorId(), value);
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new TemplateWriter(workbook, nullToEmpty(unitName), CellText.periodLabel(period), sorted, existing).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a filled-in form. Returns one value per indicator row, in sheet order; blank cells give null values
     * and no component entry. {@code indicators} are the ones the unit reports for the period: any other
     * 指标编号 is refused.
     *
     * @throws BusinessRuleViolation with code {@code BAD_WORKBOOK} and a Chinese message naming the Excel row and
     *                               column when the file is not a readable form
     */
    public static List<ReportedValue> read(InputStream xlsx, List<IndicatorDefinition> indicators) {
        return SubmissionWorkbookReader.read(xlsx, indicators == null ? List.of() : indicators);
    }

    static boolean isRatio(IndicatorDefinition indicator) {
        return indicator.rollupRule() == RollupRule.RATIO_OF_SUMS && components(indicator).size() == 2;
    }

    static List<ComponentSpec> components(IndicatorDefinition indicator) {
        return indicator.components() == null ? List.of() : indicator.components();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static final class TemplateWriter {
        private final XSSFWorkbook workbook;
        private final String unitName;
        private final String periodLabel;
        private final List<IndicatorDefinition> indicators;
        private final Map<String, ReportedValue> existing;
        private final XSSFSheet sheet;
        private final XSSFDataValidationHelper validations;
        private final CellRangeAddressList yesNoCells = new CellRangeAddressList();
        private final CellRangeAddressList percentCells = new CellRangeAddressList();
        private final CellRangeAddressList nonNegativeCells = new CellRangeAddressList();
        private final CellRangeAddressList rateCells = new CellRangeAddressList();

        private final XSSFCellStyle title;
        private final XSSFCellStyle info;
        private final XSSFCellStyle header;
        private final XSSFCellStyle fixedCenter;
        private final XSSFCellStyle fixedText;
        private final XSSFCellStyle fixedId;
        private final XSSFCellStyle computed;
        private final XSSFCellStyle inputPercent;
        private final XSSFCellStyle inputNumber;
        private final XSSFCellStyle inputCount;
        private final XSSFCellStyle inputChoice;
        private final XSSFCellStyle inputText;
        private final XSSFCellStyle guideTitle;
        private final XSSFCellStyle guideText;

        TemplateWriter(XSSFWorkbook workbook, String unitName, String periodLabel, List<IndicatorDefinition> indicators,
                       Map<String, ReportedValue> existing) {
            this.workbook = workbook;
            this.unitName = unitName;
            this.periodLabel = periodLabel;
            this.indicators = indicators;
            this.existing = existing;
            this.sheet = workbook.createSheet(SHEET_NAME);
            this.validations = new XSSFDataValidationHelper(sheet);

            XSSFFont body = font(11, false);
            XSSFFont bold = font(11, true);
            XSSFFont small = font(9, false);
            small.setColor(new XSSFColor(rgb(0x59, 0x59, 0x59)));
            XSSFColor grey = new XSSFColor(rgb(0xF2, 0xF2, 0xF2));
            XSSFColor yellow = new XSSFColor(rgb(0xFF, 0xF2, 0xCC));
            XSSFColor blue = new XSSFColor(rgb(0xDD, 0xEB, 0xF7));
            XSSFColor headerFill = new XSSFColor(rgb(0xD9, 0xE1, 0xF2));

            title = workbook.createCellStyle();
            title.setFont(font(16, true));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            info = workbook.createCellStyle();
            info.setFont(body);
            info.setVerticalAlignment(VerticalAlignment.CENTER);
            header = cell(bold, headerFill, HorizontalAlignment.CENTER, true, true);
            fixedCenter = cell(body, grey, HorizontalAlignment.CENTER, true, false);
            fixedText = cell(body, grey, HorizontalAlignment.LEFT, true, true);
            fixedId = cell(small, grey, HorizontalAlignment.CENTER, true, false);
            computed = cell(body, blue, HorizontalAlignment.RIGHT, true, false);
            computed.setDataFormat(format("0.00"));
            inputPercent = cell(body, yellow, HorizontalAlignment.RIGHT, false, false);
            inputPercent.setDataFormat(format("0.00##"));
            inputNumber = cell(body, yellow, HorizontalAlignment.RIGHT, false, false);
            inputNumber.setDataFormat(format("#,##0.00##"));
            inputCount = cell(body, yellow, HorizontalAlignment.RIGHT, false, false);
            inputCount.setDataFormat(format("General"));
            inputChoice = cell(body, yellow, HorizontalAlignment.CENTER, false, false);
            inputChoice.setDataFormat(format("@"));
            inputText = cell(body, yellow, HorizontalAlignment.LEFT, false, true);
            inputText.setDataFormat(format("@"));
            guideTitle = workbook.createCellStyle();
            guideTitle.setFont(font(14, true));
            guideText = workbook.createCellStyle();
            guideText.setFont(body);
            guideText.setWrapText(true);
            guideText.setVerticalAlignment(VerticalAlignment.TOP);
        }

        void write() {
            int lastColumn = HEADERS.size() - 1;
            String titleText = (unitName.isEmpty() ? "" : unitName + " ") + (periodLabel.isEmpty() ? "" : periodLabel + " ")
                    + "美丽江城建设指标填报表";
            XSSFRow titleRow = sheet.createRow(TITLE_ROW);
            titleRow.setHeightInPoints(30);
            text(titleRow, 0, titleText, title);
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, lastColumn));

            XSSFRow infoRow = sheet.createRow(INFO_ROW);
            infoRow.setHeightInPoints(20);
            text(infoRow, 0, "填报单位：" + unitName + "　　填报期间：" + periodLabel
                    + "　　黄色单元格为填报项，灰色单元格请勿修改，填写要求见“" + GUIDE_SHEET_NAME + "”工作表。", info);
            sheet.addMergedRegion(new CellRangeAddress(INFO_ROW, INFO_ROW, 0, lastColumn));

            XSSFRow headerRow = sheet.createRow(HEADER_ROW);
            headerRow.setHeightInPoints(LINE_POINTS * 2 + 4);
            for (int column = 0; column < HEADERS.size(); column++) {
                text(headerRow, column, HEADERS.get(column), header);
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

            writeGuide();
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

            number(row, COL_NUMBER, BigDecimal.valueOf(indicator.number()), fixedCenter);
            text(row, COL_ID, indicator.indicatorId(), fixedId);
            text(row, COL_CATEGORY, nullToEmpty(indicator.category()), fixedText);
            text(row, COL_NAME, nullToEmpty(indicator.name()), fixedText);
            text(row, COL_UNIT, nullToEmpty(indicator.unit()), fixedCenter);

            int height = Math.max(CellText.lines(indicator.name(), WIDTHS[COL_NAME]),
                    CellText.lines(indicator.category(), WIDTHS[COL_CATEGORY]));
            for (int i = 0; i < MAX_COMPONENTS; i++) {
                int nameColumn = i == 0 ? COL_COMPONENT1_NAME : COL_COMPONENT2_NAME;
                int valueColumn = i == 0 ? COL_COMPONENT1 : COL_COMPONENT2;
                if (i < components.size()) {
                    ComponentSpec component = components.get(i);
                    String label = nullToEmpty(component.label())
                            + (component.unit() == null || component.unit().isBlank() ? "" : "（" + component.unit() + "）");
                    text(row, nameColumn, label, fixedText);
                    height = Math.max(height, CellText.lines(label, WIDTHS[nameColumn]));
                    XSSFCellStyle style = "个".equals(component.unit()) ? inputCount : inputNumber;
                    number(row, valueColumn, givenComponents.get(component.key()), style);
                    nonNegativeCells.addCellRangeAddress(row.getRowNum(), valueColumn, row.getRowNum(), valueColumn);
                } else {
                    text(row, nameColumn, "—", fixedCenter);
                    text(row, valueColumn, null, fixedCenter);
                }
            }

            BigDecimal number = value == null ? null : value.value();
            if (isRatio(indicator)) {
                String numerator = CellReference.convertNumToColString(COL_COMPONENT1) + excelRow;
                String denominator = CellReference.convertNumToColString(COL_COMPONENT2) + excelRow;
                XSSFCell cell = row.createCell(COL_VALUE);
                cell.setCellStyle(computed);
                cell.setCellFormula("IF(AND(ISNUMBER(%1$s),ISNUMBER(%2$s),%2$s>0),ROUND(100*%1$s/%2$s,2),\"\")"
                        .formatted(numerator, denominator));
            } else if (indicator.valueType() == ValueType.YES_NO) {
                String choice = number == null ? null
                        : number.compareTo(BigDecimal.ONE) == 0 ? YES
                        : number.signum() == 0 ? NO : number.toPlainString();
                text(row, COL_VALUE, choice, inputChoice);
                yesNoCells.addCellRangeAddress(row.getRowNum(), COL_VALUE, row.getRowNum(), COL_VALUE);
            } else if (indicator.valueType() == ValueType.PERCENT) {
                number(row, COL_VALUE, number, inputPercent);
                percentCells.addCellRangeAddress(row.getRowNum(), COL_VALUE, row.getRowNum(), COL_VALUE);
            } else if (indicator.valueType() == ValueType.RATE) {
                number(row, COL_VALUE, number, inputNumber);
                rateCells.addCellRangeAddress(row.getRowNum(), COL_VALUE, row.getRowNum(), COL_VALUE);
            } else {
                number(row, COL_VALUE, number, inputNumber);
                nonNegativeCells.addCellRangeAddress(row.getRowNum(), COL_VALUE, row.getRowNum(), COL_VALUE);
            }

            String note = value == null ? null : value.note();
            String explanation = value == null ? null : value.explanation();
            text(row, COL_NOTE, note, inputText);
            text(row, COL_EXPLANATION, explanation, inputText);
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

        private void writeGuide() {
            XSSFSheet guide = workbook.createSheet(GUIDE_SHEET_NAME);
            guide.setColumnWidth(0, 100 * 256);
            XSSFRow titleRow = guide.createRow(0);
            titleRow.setHeightInPoints(26);
            text(titleRow, 0, "填写说明", guideTitle);
            int rowIndex = 1;
            for (String paragraph : guideParagraphs()) {
                XSSFRow row = guide.createRow(rowIndex++);
                text(row, 0, paragraph, guideText);
                row.setHeightInPoints(CellText.lines(paragraph, 100) * LINE_POINTS + 6);
            }
            guide.setDisplayGridlines(false);
        }

        private List<String> guideParagraphs() {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("一、本表列出" + (unitName.isEmpty() ? "本单位" : "“" + unitName + "”")
                    + (periodLabel.isEmpty() ? "" : periodLabel) + "须填报的全部指标，每个指标一行。黄色单元格为填报项；"
                    + "灰色单元格由系统生成，请勿修改；蓝色单元格自动计算。工作表设有保护（没有密码），仅为防止误改。");
            paragraphs.add("二、请勿修改或删除“指标编号”列，系统按指标编号识别每一行；不要增加、复制指标行，同一指标只能出现一次。"
                    + "请勿修改表头文字，可以调整列宽、行高。");
            paragraphs.add("三、“数值”填写本单位本期的指标值，只填数字，不带计量单位。计量单位为“%”的指标填写0到100之间的数值，"
                    + "例如88.8%填写88.8。");
            paragraphs.add("四、所有数值不能为负数，最多保留4位小数。可以使用千分位（例如1,234.5），全角数字也能识别。");
            paragraphs.add("五、比例类指标（数值为蓝色单元格的指标）只需填写分项：分项一为分子，分项二为分母，分子不能大于分母，"
                    + "分母必须大于0；“数值”按“分子÷分母×100”自动计算并保留2位小数，上传后系统按分项重新计算。");
            paragraphs.add("六、按面积加权汇总的指标（填有“国土面积”分项的指标）须同时在分项一填写本单位的国土面积。");
            paragraphs.add("七、是否类指标请在“数值”列的下拉列表中选择“是”或“否”。");
            paragraphs.add("八、与本单位上次审核通过的数值相比，变动超过" + thresholdText()
                    + "时，必须在“变动说明”中写明原因，否则不能提交。“备注”可填写数据来源、统计口径等补充说明。");
            paragraphs.add("九、暂时没有的数据可以先空着，上传后保存为草稿；全部填写完整后，请在系统中核对并提交。");
            paragraphs.add("十、请保存为.xlsx格式后上传，不要另存为.xls，不要设置打开密码，不要在单元格中引用其他文件的数据。");
            return paragraphs;
        }

        /** The plausibility threshold as the user reads it: one figure when all indicators share it. */
        private String thresholdText() {
            Map<BigDecimal, List<String>> byShare = new LinkedHashMap<>();
            for (IndicatorDefinition indicator : indicators) {
                if (indicator.plausibilityShare() != null) {
                    byShare.computeIfAbsent(indicator.plausibilityShare().stripTrailingZeros(), k -> new ArrayList<>())
                            .add(indicator.name());
                }
            }
            if (byShare.isEmpty()) {
                return "规定幅度";
            }
            if (byShare.size() == 1) {
                return percent(byShare.keySet().iterator().next());
            }
            List<String> parts = new ArrayList<>();
            byShare.forEach((share, names) -> parts.add(String.join("、", names) + "为" + percent(share)));
            return "规定幅度（" + String.join("；", parts) + "）";
        }

        private static String percent(BigDecimal share) {
            return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
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

        private XSSFFont font(int points, boolean bold) {
            XSSFFont font = workbook.createFont();
            font.setFontName("宋体");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            return font;
        }

        private short format(String pattern) {
            return workbook.createDataFormat().getFormat(pattern);
        }

        private XSSFCellStyle cell(XSSFFont font, XSSFColor fill, HorizontalAlignment alignment, boolean locked,
                                   boolean wrap) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setFillForegroundColor(fill);
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(wrap);
            style.setLocked(locked);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            XSSFColor border = new XSSFColor(rgb(0xA6, 0xA6, 0xA6));
            style.setTopBorderColor(border);
            style.setBottomBorderColor(border);
            style.setLeftBorderColor(border);
            style.setRightBorderColor(border);
            return style;
        }
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

    private static XSSFCell text(XSSFRow row, int column, String text, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (text != null && !text.isEmpty()) {
            cell.setCellValue(text);
        }
        return cell;
    }

    private static XSSFCell number(XSSFRow row, int column, BigDecimal value, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return cell;
    }

    private static byte[] rgb(int red, int green, int blue) {
        return new byte[]{(byte) red, (byte) green, (byte) blue};
    }

    static String describe(IndicatorDefinition indicator) {
        return "“" + Objects.requireNonNullElse(indicator.name(), indicator.indicatorId()) + "”";
    }
}
