package org.iamdojo.training.practice;

import java.nio.file.Path;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The practice catalog over scenarios/guides, scenarios/questions and scenarios/paths (inside the scenario folder). */
@Configuration
public class PracticeConfig {

    @Bean
    PracticeCatalog practiceCatalog(@Value("${iamdojo.scenarios-dir:scenarios}") String folder, ScenarioCatalog scenarios) {
        return new PracticeCatalog(Path.of(folder, "guides"), Path.of(folder, "questions"), Path.of(folder, "paths"), scenarios);
    }
}
