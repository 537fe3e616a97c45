package org.commitmenttracker.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The dashboard: serves the single-page app and passes its API calls through to the four services with the
 * caller's own token. It stores nothing; the services stay the only source of truth.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DashboardApplication {
    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}
