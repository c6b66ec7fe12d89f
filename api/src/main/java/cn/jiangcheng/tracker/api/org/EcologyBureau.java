package cn.jiangcheng.tracker.api.org;

/**
 * The city ecology-environment bureau (市生态环境局) approves reports, plans projects and closes periods; by convention
 * its unit id is the city id plus "-sthj", so every side finds it the same way.
 */
public final class EcologyBureau {
    private static final String SUFFIX = "-sthj";

    private EcologyBureau() {
    }

    public static String unitIdOf(String cityId) {
        return cityId + SUFFIX;
    }
}
