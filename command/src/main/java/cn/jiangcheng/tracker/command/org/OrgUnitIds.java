package cn.jiangcheng.tracker.command.org;

import cn.jiangcheng.tracker.command.common.Check;

import java.util.regex.Pattern;

/** Unit ids are short stable codes, such as the division code 220221 or 220200-sthj for a city department. */
final class OrgUnitIds {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,39}");

    private OrgUnitIds() {
    }

    static String require(String id) {
        Check.that(id != null && FORMAT.matcher(id).matches(), "BAD_UNIT_ID",
                "单位编码只能包含字母、数字、下划线和连字符，长度2到40位");
        return id;
    }
}
