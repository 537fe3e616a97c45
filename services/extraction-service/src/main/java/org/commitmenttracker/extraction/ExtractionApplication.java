package org.commitmenttracker.extraction;

import org.commitmenttracker.extraction.analysis.AnalysisRecord;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.service.config.OutboxCollection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Turns each received communiqué into commitments with the extraction engine and announces each one. */
@SpringBootApplication
public class ExtractionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExtractionApplication.class, args);
    }

    @Bean
    CommuniqueAnalyzer communiqueAnalyzer() {
        return new CommuniqueAnalyzer();
    }

    @Bean
    OutboxCollection analysesOutbox() {
        return new OutboxCollection(AnalysisRecord.COLLECTION);
    }
}
