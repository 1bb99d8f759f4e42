package org.iamdojo;

import org.iamdojo.iam.cli.IamCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts IAM Dojo: the web app, or one of the engine's command-line commands (then Spring never starts). */
@SpringBootApplication
public class Application {
    /** Runs the app; see README.md for configuration. */
    public static void main(String[] args) {
        if (args.length > 0 && IamCli.COMMANDS.contains(args[0])) {
            IamCli.main(args);
            return;
        }
        SpringApplication.run(Application.class, args);
    }
}
