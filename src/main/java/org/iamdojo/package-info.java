/**
 * IAM Dojo: the Spring Boot application that starts the web app, or the engine's command line when its first
 * argument is a command.
 */
@NullMarked
package org.iamdojo;

import org.jspecify.annotations.NullMarked;
