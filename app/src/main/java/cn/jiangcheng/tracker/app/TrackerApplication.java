package cn.jiangcheng.tracker.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "cn.jiangcheng.tracker")
@ConfigurationPropertiesScan
public class TrackerApplication {
    public static void main(String[] args) {
        // A government system on a closed network must not report usage to a vendor; one may still opt in.
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled",
                    System.getProperty("axoniq.update-checker.disabled", "true"));
        }
        SpringApplication.run(TrackerApplication.class, args);
    }
}
