package org.iamdojo.training.attempt;

import java.nio.file.Path;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.Grader;
import org.iamdojo.scenario.ScenarioCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine-side pieces the app shares: the validator, the grader and the scenario catalog (scenarios/ folder). */
@Configuration
public class AttemptConfig {

    @Bean
    PolicyValidator policyValidator() {
        // The one validator of the app: views, the grader, scenario parsing and sandboxes all get this instance.
        return PolicyValidator.standard();
    }

    @Bean
    Grader grader(PolicyValidator validator) {
        return new Grader(validator);
    }

    @Bean
    ScenarioCatalog scenarioCatalog(@Value("${iamdojo.scenarios-dir:scenarios}") String folder, PolicyValidator validator) {
        return new ScenarioCatalog(Path.of(folder), validator);
    }
}
