package cn.jiangcheng.tracker.app.submission;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of one {@link SubmissionWorkbook} form: yellow cells are the user's to fill, grey ones are the
 * system's (locked), blue ones are computed. A workbook's styles belong to it, so each form makes its own.
 */
final class SubmissionWorkbookStyles {
    final XSSFCellStyle title;
    final XSSFCellStyle info;
    final XSSFCellStyle header;
    final XSSFCellStyle fixedCenter;
    final XSSFCellStyle fixedText;
    final XSSFCellStyle fixedId;
    final XSSFCellStyle computed;
    final XSSFCellStyle inputPercent;
    final XSSFCellStyle inputNumber;
    final XSSFCellStyle inputCount;
    final XSSFCellStyle inputChoice;
    final XSSFCellStyle inputText;
    final XSSFCellStyle guideTitle;
    final XSSFCellStyle guideText;

    private final XSSFWorkbook workbook;

    SubmissionWorkbookStyles(XSSFWorkbook workbook) {
        this.workbook = workbook;
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

    private static byte[] rgb(int red, int green, int blue) {
        return new byte[]{(byte) red, (byte) green, (byte) blue};
    }
}
