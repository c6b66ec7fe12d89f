package cn.jiangcheng.tracker.api.user;

import java.util.Set;

/** How much of its city a user may see. */
public enum DataScope {
    OWN_UNIT("本单位"),
    OWN_UNIT_AND_BELOW("本单位及下级"),
    CITY("全市");

    private final String label;

    DataScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Approvers, inspectors, auditors and administrators of the city itself or of a city department see the whole
     * city; the same roles in a county see that county and the units below it (a county reviews its departments'
     * reports first); a submitter sees the unit it reports for.
     */
    public static DataScope of(Set<Role> roles, boolean cityLevelUnit) {
        boolean supervising = roles.contains(Role.APPROVER) || roles.contains(Role.INSPECTOR)
                || roles.contains(Role.AUDITOR) || roles.contains(Role.ADMIN);
        if (!supervising) {
            return OWN_UNIT;
        }
        return cityLevelUnit ? CITY : OWN_UNIT_AND_BELOW;
    }
}
