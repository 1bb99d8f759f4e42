package org.iamdojo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts IAM Dojo: the web app. */
@SpringBootApplication
public class Application {
    /** Runs the app; see README.md for configuration. */
    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
