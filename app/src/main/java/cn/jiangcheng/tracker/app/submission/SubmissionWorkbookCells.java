package cn.jiangcheng.tracker.app.submission;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static cn.jiangcheng.tracker.app.submission.BadWorkbook.bad;
import static cn.jiangcheng.tracker.app.submission.BadWorkbook.shorten;

/**
 * Values out of a form's cells as people type them into Excel: numbers as numbers or text (1,234.5, full-width
 * digits, 88.8%), 是/否 in many spellings, dates and error values refused. Each refusal names the Excel row, the
 * column and its header, so the clerk finds the cell.
 */
final class SubmissionWorkbookCells {
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[+-]?\\.\\d+");
    private static final Set<String> YES_WORDS = Set.of("是", "Y", "YES", "TRUE", "1");
    private static final Set<String> NO_WORDS = Set.of("否", "N", "NO", "FALSE", "0");

    private final DataFormatter formatter = new DataFormatter();
    /** The header's text by column, filled in once the reader has found the header row. */
    private final Map<Integer, String> headerNames;

    SubmissionWorkbookCells(Map<Integer, String> headerNames) {
        this.headerNames = headerNames;
    }

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

    boolean filled(Row row, int column) {
        Cell cell = column < 0 ? null : row.getCell(column);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return false;
        }
        return cell.getCellType() != CellType.STRING || !cell.getStringCellValue().isBlank();
    }

    BigDecimal number(Row row, int column, boolean percentColumn) {
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

    BigDecimal yesNo(Row row, int column) {
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

    String text(Row row, int column) {
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

    String at(Row row, int column) {
        return "第" + (row.getRowNum() + 1) + "行" + CellReference.convertNumToColString(column) + "列“"
                + headerNames.getOrDefault(column, "") + "”";
    }
}
