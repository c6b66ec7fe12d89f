package cn.jiangcheng.tracker.api.org;

public enum OrgUnitType {
    PROVINCE("省"),
    CITY("市（州）"),
    COUNTY("县（市、区）"),
    DEV_ZONE("开发区"),
    DEPARTMENT("市直部门");

    private final String label;

    OrgUnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
