package cn.jiangcheng.tracker.query.common;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** What a projection's @ResetHandler does: empty exactly the tables it declares, so a replay starts from nothing. */
public final class OwnTables {
    private OwnTables() {
    }

    /** Last declared first: a projection declares its main table first and the tables hanging off it after. */
    public static void empty(JdbcTemplate jdbc, ProjectionTables declaration) {
        List<String> tables = declaration.tables();
        for (int i = tables.size() - 1; i >= 0; i--) {
            jdbc.update("delete from " + tables.get(i));
        }
    }
}
