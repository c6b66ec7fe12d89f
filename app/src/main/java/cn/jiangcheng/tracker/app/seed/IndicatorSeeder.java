package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.DefineIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the 17 indicators of 专栏1 for 吉林市 on first start, in every profile. */
@Component
@Order(3)
class IndicatorSeeder implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(IndicatorSeeder.class);
    private final SeedSupport seed;

    IndicatorSeeder(SeedSupport seed) {
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (IndicatorDefinition definition : JilinIndicatorCatalog.forJilinCity()) {
            if (seed.createIfMissing(definition.indicatorId(),
                    new DefineIndicator(definition.indicatorId(), definition))) {
                created++;
            }
        }
        if (created > 0) {
            LOG.info("Seeded {} indicators of 专栏1", created);
        }
    }
}
