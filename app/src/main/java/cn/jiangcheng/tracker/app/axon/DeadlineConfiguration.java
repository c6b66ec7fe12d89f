package cn.jiangcheng.tracker.app.axon;

import cn.jiangcheng.tracker.api.rectification.RectificationTypes.DeadlinePolicy;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Axon deadlines kept in PostgreSQL by db-scheduler (table scheduled_tasks, migration V6_1): a deadline scheduled
 * before a restart fires after it, and with several nodes exactly one node runs it. Axon's own db-scheduler
 * auto-configuration is switched off (application.yml) so that the scheduler starts only once the application is
 * ready, when every aggregate repository a deadline may need is in place.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineConfiguration.class);

    @Bean
    public Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean(destroyMethod = "stop")
    public Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                       @Value("${tracker.deadlines.polling-interval:PT10S}") Duration polling,
                                       @Value("${tracker.deadlines.threads:2}") int threads) {
        return Scheduler.create(dataSource, tasks)
                .pollingInterval(polling)
                .threads(threads)
                .enableImmediateExecution()
                .build();
    }

    @Bean
    public DeadlineManager deadlineManager(Scheduler deadlineScheduler,
                                           org.axonframework.config.Configuration configuration,
                                           Serializer serializer, TransactionManager transactionManager) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    /**
     * tracker.deadlines.execute=false makes a node that schedules deadlines but never runs them (a node kept out of
     * the deadline work, or a test that needs a deadline to wait for the next start).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void startScheduler(ApplicationReadyEvent ready) {
        boolean execute = ready.getApplicationContext().getEnvironment()
                .getProperty("tracker.deadlines.execute", Boolean.class, true);
        if (execute) {
            ready.getApplicationContext().getBean(Scheduler.class).start();
        } else {
            LOG.warn("Deadlines are scheduled but not executed on this node (tracker.deadlines.execute=false)");
        }
    }

    /** 临期预警 days before the deadline and the 挂牌督办 delay, tunable per installation. */
    @Bean
    public DeadlinePolicy deadlinePolicy(@Value("${tracker.rectification.warning-days:7,3}") List<Integer> warningDays,
                                         @Value("${tracker.rectification.escalate-after:P30D}") Duration escalateAfter) {
        return new DeadlinePolicy(List.copyOf(warningDays), escalateAfter);
    }
}
