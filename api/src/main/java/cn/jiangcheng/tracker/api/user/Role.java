package cn.jiangcheng.tracker.api.user;

public enum Role {
    SUBMITTER("填报员"),
    APPROVER("审核员"),
    INSPECTOR("督察员"),
    AUDITOR("审计员"),
    ADMIN("系统管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
