package cn.jiangcheng.tracker.query.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the read model knows of one project, before today's date turns it into a status. progress and
 * investmentCompleted are the approved figures (0 before the first approval).
 */
record ProjectFacts(String id, String name, int column, String leadUnitId, String leadUnitName,
                    LocalDate plannedStart, LocalDate plannedFinish, BigDecimal plannedInvestment,
                    BigDecimal progress, BigDecimal investmentCompleted, boolean cancelled,
                    List<MilestoneFacts> milestones) {

    record MilestoneFacts(String milestoneId, LocalDate plannedDate, LocalDate reachedOn) {
    }
}
