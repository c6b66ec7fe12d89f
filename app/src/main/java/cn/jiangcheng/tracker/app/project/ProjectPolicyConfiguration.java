package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.api.project.ProjectTypes.ReportPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/** The project reports' thresholds, tunable per installation; the Project aggregate takes them as a resource. */
@Configuration
public class ProjectPolicyConfiguration {
    @Bean
    public ReportPolicy projectReportPolicy(
            @Value("${tracker.projects.investment-jump-share}") BigDecimal investmentJumpShare) {
        return new ReportPolicy(investmentJumpShare);
    }
}
