package org.iamdojo;

import org.iamdojo.iam.cli.IamCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts IAM Dojo: the web app, or one of the engine's command-line commands (then Spring never starts). A first
 * argument that is not an option (a command, help, or a typo) goes to the command line, never to the server.
 */
@SpringBootApplication
public class Application {
    /** Runs the app; see README.md for configuration. */
    public static void main(String[] args) {
        if (IamCli.handles(args)) {
            IamCli.main(args);
            return;
        }
        SpringApplication.run(Application.class, args);
    }
}
