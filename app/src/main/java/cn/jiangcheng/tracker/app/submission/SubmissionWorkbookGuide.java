package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.excel.CellText;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The form's second sheet, 填写说明: the rules the parser and the commands apply, in the words a clerk reads. */
final class SubmissionWorkbookGuide {
    private final String unitName;
    private final String periodLabel;
    private final List<IndicatorDefinition> indicators;

    SubmissionWorkbookGuide(String unitName, String periodLabel, List<IndicatorDefinition> indicators) {
        this.unitName = unitName;
        this.periodLabel = periodLabel;
        this.indicators = indicators;
    }

    void write(XSSFWorkbook workbook, SubmissionWorkbookStyles styles) {
        XSSFSheet guide = workbook.createSheet(SubmissionWorkbook.GUIDE_SHEET_NAME);
        guide.setColumnWidth(0, 100 * 256);
        XSSFRow titleRow = guide.createRow(0);
        titleRow.setHeightInPoints(26);
        SubmissionTemplateWriter.text(titleRow, 0, "填写说明", styles.guideTitle);
        int rowIndex = 1;
        for (String paragraph : paragraphs()) {
            XSSFRow row = guide.createRow(rowIndex++);
            SubmissionTemplateWriter.text(row, 0, paragraph, styles.guideText);
            row.setHeightInPoints(CellText.lines(paragraph, 100) * SubmissionWorkbook.LINE_POINTS + 6);
        }
        guide.setDisplayGridlines(false);
    }

    private List<String> paragraphs() {
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
}
