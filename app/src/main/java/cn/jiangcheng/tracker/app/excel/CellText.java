package cn.jiangcheng.tracker.app.excel;

import cn.jiangcheng.tracker.api.submission.Period;

/** Sizing and wording shared by the workbooks the users download. */
public final class CellText {
    private CellText() {
    }

    /** Width in Excel character units: CJK and full-width characters count double. */
    public static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) < 0x1100 ? 1 : 2;
        }
        return width;
    }

    /** How many lines the text needs in a column of that width, for the row height. */
    public static int lines(String text, int columnWidth) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int usable = Math.max(1, columnWidth - 1);
        return Math.max(1, (displayWidth(text) + usable - 1) / usable);
    }

    /** 2025 → 2025年, 2025-Q1 → 2025年第一季度, 2025-03 → 2025年3月; anything else unchanged. */
    public static String periodLabel(String period) {
        return period == null ? "" : Period.parse(period).map(Period::label).orElse(period);
    }
}
