package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.app.submission.BadWorkbook.bad;
import static cn.jiangcheng.tracker.app.submission.BadWorkbook.shorten;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.H_COMPONENT1;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.H_COMPONENT2;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.H_EXPLANATION;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.H_ID;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.H_NOTE;
import static cn.jiangcheng.tracker.app.submission.SubmissionWorkbook.H_VALUE;

/**
 * Reads a filled-in {@link SubmissionWorkbook} form. Only cached cell values are used: formulas are never
 * evaluated, so links to other workbooks are never followed. The header row is found by its texts, the rows by
 * their 指标编号, so users may move the table, add rows above it or put notes below it.
 */
final class SubmissionWorkbookReader {
    static final int MAX_ROWS = 1000;
    private static final int HEADER_SEARCH_ROWS = 30;
    private static final int MAX_SHEETS_SEARCHED = 20;
    private static final int MAX_HEADER_CELLS = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, IndicatorDefinition> byId = new HashMap<>();
    private final Map<Integer, String> headerNames = new HashMap<>();
    private final SubmissionWorkbookCells cells = new SubmissionWorkbookCells(headerNames);
    private int headerRow;
    private int idColumn;
    private int valueColumn;
    private int component1Column;
    private int component2Column;
    private int noteColumn = -1;
    private int explanationColumn = -1;

    private SubmissionWorkbookReader(List<IndicatorDefinition> indicators) {
        for (IndicatorDefinition indicator : indicators) {
            byId.put(indicator.indicatorId(), indicator);
        }
    }

    static List<ReportedValue> read(InputStream xlsx, List<IndicatorDefinition> indicators) {
        SubmissionWorkbookFile.harden();
        byte[] bytes = SubmissionWorkbookFile.readLimited(xlsx);
        try (XSSFWorkbook workbook = SubmissionWorkbookFile.open(bytes)) {
            return new SubmissionWorkbookReader(indicators).read(workbook);
        } catch (BusinessRuleViolation e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            BusinessRuleViolation violation = bad("文件内容无法解析，请重新下载模板填写后再上传");
            violation.initCause(e);
            throw violation;
        }
    }

    private List<ReportedValue> read(XSSFWorkbook workbook) {
        XSSFSheet sheet = findHeader(workbook);
        if (sheet.getPhysicalNumberOfRows() > MAX_ROWS) {
            throw bad("工作表“" + sheet.getSheetName() + "”超过" + MAX_ROWS + "行，请删除多余的行后再上传");
        }
        List<ReportedValue> values = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() <= headerRow) {
                continue;
            }
            String id = cells.text(row, idColumn);
            if (id == null) {
                if (cells.filled(row, valueColumn) || cells.filled(row, component1Column)
                        || cells.filled(row, component2Column) || cells.filled(row, noteColumn)
                        || cells.filled(row, explanationColumn)) {
                    throw bad(cells.at(row, idColumn) + "为空，但该行填写了数据；请勿删除或修改指标编号");
                }
                continue;
            }
            IndicatorDefinition indicator = byId.get(id);
            if (indicator == null) {
                throw bad(cells.at(row, idColumn) + "：“" + shorten(id) + "”不是本单位本期须填报的指标，请勿修改指标编号");
            }
            Integer first = seenAt.putIfAbsent(id, row.getRowNum());
            if (first != null) {
                throw bad(cells.at(row, idColumn) + "：指标" + SubmissionWorkbook.describe(indicator) + "已在第" + (first + 1)
                        + "行填写，同一指标只能填写一行");
            }
            values.add(readIndicator(row, indicator));
        }
        return List.copyOf(values);
    }

    private ReportedValue readIndicator(Row row, IndicatorDefinition indicator) {
        List<ComponentSpec> specs = SubmissionWorkbook.components(indicator);
        Map<String, BigDecimal> components = new LinkedHashMap<>();
        int[] columns = {component1Column, component2Column};
        String[] ordinals = {"一", "二"};
        for (int i = 0; i < columns.length; i++) {
            if (i < specs.size()) {
                BigDecimal component = cells.number(row, columns[i], false);
                if (component != null) {
                    components.put(specs.get(i).key(), component);
                }
            } else if (cells.filled(row, columns[i])) {
                throw bad(cells.at(row, columns[i]) + "：指标" + SubmissionWorkbook.describe(indicator) + "没有分项"
                        + ordinals[i] + "，此格应留空");
            }
        }
        BigDecimal value;
        if (SubmissionWorkbook.isRatio(indicator) && components.size() == 2) {
            // the value cell is our formula; its cached result may be stale, so compute what it shows
            BigDecimal numerator = components.get(specs.get(0).key());
            BigDecimal denominator = components.get(specs.get(1).key());
            value = denominator.signum() > 0
                    ? HUNDRED.multiply(numerator).divide(denominator, 2, RoundingMode.HALF_UP) : null;
        } else if (indicator.valueType() == ValueType.YES_NO) {
            value = cells.yesNo(row, valueColumn);
        } else {
            value = cells.number(row, valueColumn, indicator.valueType() == ValueType.PERCENT);
        }
        return new ReportedValue(indicator.indicatorId(), value, Collections.unmodifiableMap(components),
                cells.text(row, noteColumn), cells.text(row, explanationColumn));
    }

    // ---- header -------------------------------------------------------------------------------------------

    private XSSFSheet findHeader(XSSFWorkbook workbook) {
        List<XSSFSheet> candidates = new ArrayList<>();
        XSSFSheet preferred = workbook.getSheet(SubmissionWorkbook.SHEET_NAME);
        if (preferred != null) {
            candidates.add(preferred);
        }
        for (int i = 0; i < Math.min(workbook.getNumberOfSheets(), MAX_SHEETS_SEARCHED); i++) {
            if (workbook.getSheetAt(i) != preferred) {
                candidates.add(workbook.getSheetAt(i));
            }
        }
        for (XSSFSheet sheet : candidates) {
            for (Row row : sheet) {
                if (row.getRowNum() >= HEADER_SEARCH_ROWS) {
                    break;
                }
                Map<String, Integer> columns = headerColumns(row);
                if (columns.containsKey(H_ID) && columns.containsKey(H_VALUE)) {
                    useHeader(row, columns);
                    return sheet;
                }
            }
        }
        throw bad("未找到表头：工作表中没有包含“" + H_ID + "”“" + H_VALUE + "”的表头行，请使用系统下载的填报模板");
    }

    private Map<String, Integer> headerColumns(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        int seen = 0;
        for (Cell cell : row) {
            if (++seen > MAX_HEADER_CELLS) {
                break;
            }
            if (cell.getCellType() == CellType.STRING) {
                String text = cell.getStringCellValue().replaceAll("[\\s\\u3000\\u00A0]", "");
                if (!text.isEmpty()) {
                    columns.putIfAbsent(text, cell.getColumnIndex());
                }
            }
        }
        return columns;
    }

    private void useHeader(Row row, Map<String, Integer> columns) {
        headerRow = row.getRowNum();
        for (String required : List.of(H_COMPONENT1, H_COMPONENT2)) {
            if (!columns.containsKey(required)) {
                throw bad("第" + (headerRow + 1) + "行的表头缺少“" + required + "”列，请使用系统下载的填报模板");
            }
        }
        idColumn = columns.get(H_ID);
        valueColumn = columns.get(H_VALUE);
        component1Column = columns.get(H_COMPONENT1);
        component2Column = columns.get(H_COMPONENT2);
        noteColumn = columns.getOrDefault(H_NOTE, -1);
        explanationColumn = columns.getOrDefault(H_EXPLANATION, -1);
        columns.forEach((name, column) -> headerNames.putIfAbsent(column, name));
    }

    // ---- cells --------------------------------------------------------------------------------------------
}
