package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.excel.CellText;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    static final int[] WIDTHS = {6, 12, 13, 34, 11, 12, 26, 13, 24, 13, 24, 30};

    static final String YES = "是";
    static final String NO = "否";

    static final int TITLE_ROW = 0;
    static final int INFO_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_DATA_ROW = 3;
    static final int MAX_COMPONENTS = 2;
    static final float LINE_POINTS = 14.5f;

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
            new SubmissionTemplateWriter(workbook, nullToEmpty(unitName), CellText.periodLabel(period), sorted, existing)
                    .write();
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

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static String describe(IndicatorDefinition indicator) {
        return "“" + Objects.requireNonNullElse(indicator.name(), indicator.indicatorId()) + "”";
    }
}
