package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    static final String CODE = "BAD_WORKBOOK";
    /** Upload size accepted at all; the template itself is about 15 KB. */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 1000;
    /** Largest uncompressed part (sheet XML, shared strings) POI may inflate: far above any real form. */
    static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    /** Compressed ÷ uncompressed below this is treated as a zip bomb (POI's default, made sure of here). */
    static final double MIN_INFLATE_RATIO = 0.01;
    private static final int HEADER_SEARCH_ROWS = 30;
    private static final int MAX_SHEETS_SEARCHED = 20;
    private static final int MAX_HEADER_CELLS = 200;
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[+-]?\\.\\d+");
    private static final Set<String> YES_WORDS = Set.of("是", "Y", "YES", "TRUE", "1");
    private static final Set<String> NO_WORDS = Set.of("否", "N", "NO", "FALSE", "0");

    static {
        harden();
    }

    private final Map<String, IndicatorDefinition> byId = new HashMap<>();
    private final Map<Integer, String> headerNames = new HashMap<>();
    private final DataFormatter formatter = new DataFormatter();
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
        harden();
        byte[] bytes = readLimited(xlsx);
        try (XSSFWorkbook workbook = open(bytes)) {
            return new SubmissionWorkbookReader(indicators).read(workbook);
        } catch (BusinessRuleViolation e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            BusinessRuleViolation violation = bad("文件内容无法解析，请重新下载模板填写后再上传");
            violation.initCause(e);
            throw violation;
        }
    }

    /** ZipSecureFile's limits are JVM-wide: only ever tightened here, never loosened. */
    static synchronized void harden() {
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        }
    }

    private static byte[] readLimited(InputStream in) {
        if (in == null) {
            throw bad("没有收到上传的文件");
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw bad("文件上传不完整，请重新上传");
        }
        if (bytes.length == 0) {
            throw bad("上传的文件是空的");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw bad("文件超过" + MAX_FILE_BYTES / 1024 / 1024 + "MB，请上传系统下载的填报模板");
        }
        return bytes;
    }

    private static XSSFWorkbook open(byte[] bytes) {
        FileMagic magic = bytes.length < 8 ? FileMagic.UNKNOWN : FileMagic.valueOf(bytes);
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                encrypted = fs.getRoot().hasEntry("EncryptedPackage");
            } catch (IOException | RuntimeException e) {
                throw bad("文件已损坏，无法读取，请重新下载模板填写后再上传");
            }
            throw bad(encrypted ? "文件设置了打开密码，请在Excel中取消密码后再上传"
                    : "上传的是旧版Excel（.xls）文件，请在Excel中“另存为”.xlsx格式后再上传");
        }
        if (magic != FileMagic.OOXML) {
            throw bad("上传的文件不是Excel（.xlsx）文件，请上传系统下载的填报模板");
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            if (mentions(e, "Zip bomb") || mentions(e, "potentially malicious")) {
                throw bad("文件解压后内容异常庞大，已拒绝读取，请上传系统下载的填报模板");
            }
            throw bad("文件已损坏或不是Excel（.xlsx）文件，无法读取，请重新下载模板填写后再上传");
        }
    }

    private static boolean mentions(Throwable error, String text) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
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
            String id = text(row, idColumn);
            if (id == null) {
                if (filled(row, valueColumn) || filled(row, component1Column) || filled(row, component2Column)
                        || filled(row, noteColumn) || filled(row, explanationColumn)) {
                    throw bad(at(row, idColumn) + "为空，但该行填写了数据；请勿删除或修改指标编号");
                }
                continue;
            }
            IndicatorDefinition indicator = byId.get(id);
            if (indicator == null) {
                throw bad(at(row, idColumn) + "：“" + shorten(id) + "”不是本单位本期须填报的指标，请勿修改指标编号");
            }
            Integer first = seenAt.putIfAbsent(id, row.getRowNum());
            if (first != null) {
                throw bad(at(row, idColumn) + "：指标" + SubmissionWorkbook.describe(indicator) + "已在第" + (first + 1)
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
                BigDecimal component = number(row, columns[i], false);
                if (component != null) {
                    components.put(specs.get(i).key(), component);
                }
            } else if (filled(row, columns[i])) {
                throw bad(at(row, columns[i]) + "：指标" + SubmissionWorkbook.describe(indicator) + "没有分项"
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
            value = yesNo(row, valueColumn);
        } else {
            value = number(row, valueColumn, indicator.valueType() == ValueType.PERCENT);
        }
        return new ReportedValue(indicator.indicatorId(), value, Collections.unmodifiableMap(components),
                text(row, noteColumn), text(row, explanationColumn));
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

    /** A cell's value as the user last saw it: formulas give their cached result, errors are refused. */
    private sealed interface Content permits Blank, Num, Text, Bool {
    }

    private record Blank() implements Content {
    }

    private record Num(double value, boolean percentFormat, boolean dateFormat, String shown) implements Content {
    }

    private record Text(String value) implements Content {
    }

    private record Bool(boolean value) implements Content {
    }

    private Content content(Row row, int column) {
        Cell cell = column < 0 ? null : row.getCell(column);
        if (cell == null) {
            return new Blank();
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (cell instanceof XSSFCell xssf && !xssf.getCTCell().isSetV()) {
                throw bad(at(row, column) + "：公式没有计算结果，请用Excel打开并保存后再上传，或直接填写数值");
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case BLANK -> new Blank();
            case STRING -> new Text(cell.getStringCellValue());
            case BOOLEAN -> new Bool(cell.getBooleanCellValue());
            case NUMERIC -> numeric(cell);
            case ERROR -> throw bad(at(row, column) + "：单元格是错误值" + errorText(cell) + "，请改为正确的数值");
            default -> throw bad(at(row, column) + "：无法识别的单元格内容");
        };
    }

    private Num numeric(Cell cell) {
        String format = cell.getCellStyle() == null ? "General" : cell.getCellStyle().getDataFormatString();
        String unquoted = format == null ? "" : format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "");
        boolean date = format != null && DateUtil.isADateFormat(cell.getCellStyle().getDataFormat(), format);
        String shown = date ? formatter.formatRawCellContents(cell.getNumericCellValue(),
                cell.getCellStyle().getDataFormat(), format) : null;
        return new Num(cell.getNumericCellValue(), unquoted.contains("%"), date, shown);
    }

    private static String errorText(Cell cell) {
        try {
            if (cell instanceof XSSFCell xssf) {
                return "（" + xssf.getErrorCellString() + "）";
            }
            return "（" + FormulaError.forInt(cell.getErrorCellValue()).getString() + "）";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private boolean filled(Row row, int column) {
        Cell cell = column < 0 ? null : row.getCell(column);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return false;
        }
        return cell.getCellType() != CellType.STRING || !cell.getStringCellValue().isBlank();
    }

    private BigDecimal number(Row row, int column, boolean percentColumn) {
        Content content = content(row, column);
        if (content instanceof Blank) {
            return null;
        }
        if (content instanceof Num num) {
            if (num.dateFormat()) {
                throw bad(at(row, column) + "：“" + num.shown() + "”被Excel识别成了日期，请将单元格格式改为数值后重新填写");
            }
            BigDecimal value = fromDouble(row, column, num.value());
            return normalise(percentColumn && num.percentFormat() ? value.movePointRight(2) : value);
        }
        if (content instanceof Text text) {
            BigDecimal value = parse(text.value(), percentColumn);
            if (value == null && !text.value().isBlank()) {
                throw bad(at(row, column) + "：“" + shorten(text.value().strip()) + "”不是有效的数字");
            }
            return value;
        }
        throw bad(at(row, column) + "：“" + ((Bool) content).value() + "”不是有效的数字");
    }

    private BigDecimal yesNo(Row row, int column) {
        Content content = content(row, column);
        String shown;
        if (content instanceof Blank) {
            return null;
        } else if (content instanceof Bool bool) {
            return bool.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        } else if (content instanceof Num num) {
            BigDecimal value = fromDouble(row, column, num.value());
            if (value.compareTo(BigDecimal.ONE) == 0) {
                return BigDecimal.ONE;
            }
            if (value.signum() == 0) {
                return BigDecimal.ZERO;
            }
            shown = normalise(value).toPlainString();
        } else {
            String raw = ((Text) content).value();
            String word = halfWidth(raw).strip().toUpperCase(java.util.Locale.ROOT);
            if (word.isEmpty()) {
                return null;
            }
            if (YES_WORDS.contains(word)) {
                return BigDecimal.ONE;
            }
            if (NO_WORDS.contains(word)) {
                return BigDecimal.ZERO;
            }
            BigDecimal number = parse(raw, false);
            if (number != null && number.compareTo(BigDecimal.ONE) == 0) {
                return BigDecimal.ONE;
            }
            if (number != null && number.signum() == 0) {
                return BigDecimal.ZERO;
            }
            shown = raw.strip();
        }
        throw bad(at(row, column) + "：“" + shorten(shown) + "”无法识别，请填写“" + SubmissionWorkbook.YES + "”或“"
                + SubmissionWorkbook.NO + "”");
    }

    private String text(Row row, int column) {
        Content content = content(row, column);
        String text;
        if (content instanceof Blank) {
            return null;
        } else if (content instanceof Text t) {
            text = t.value();
        } else if (content instanceof Num num) {
            text = num.dateFormat() ? num.shown() : normalise(fromDouble(row, column, num.value())).toPlainString();
        } else {
            text = ((Bool) content).value() ? "TRUE" : "FALSE";
        }
        String stripped = text.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private BigDecimal fromDouble(Row row, int column, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw bad(at(row, column) + "：不是有效的数字");
        }
        // Excel keeps 15 significant digits; anything beyond is binary noise (0.1+0.2 → 0.3)
        return new BigDecimal(value, EXCEL_PRECISION);
    }

    /**
     * Numeric text as people type it: 1,234.5, full-width ０-９ with ．and ，, a trailing % where the column is a
     * percentage. Null when blank or not a number.
     */
    static BigDecimal parse(String raw, boolean percentAllowed) {
        if (raw == null) {
            return null;
        }
        String text = halfWidth(raw).strip();
        if (percentAllowed && text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty() || !NUMBER.matcher(text).matches()) {
            return null;
        }
        return normalise(new BigDecimal(text.replace(",", "")));
    }

    /** Full-width ASCII (０-９, ．, ，, －, ％, Ｙ …) to half-width; ideographic and no-break spaces to spaces. */
    static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                c = ' ';
            } else if (c == '。') {
                c = '.';
            } else if (c == '\u2212') {
                c = '-';
            }
            out.append(c);
        }
        return out.toString();
    }

    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // ---- messages -----------------------------------------------------------------------------------------

    private String at(Row row, int column) {
        return "第" + (row.getRowNum() + 1) + "行" + CellReference.convertNumToColString(column) + "列“"
                + headerNames.getOrDefault(column, "") + "”";
    }

    private static String shorten(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }

    private static BusinessRuleViolation bad(String message) {
        return new BusinessRuleViolation(CODE, message);
    }
}
