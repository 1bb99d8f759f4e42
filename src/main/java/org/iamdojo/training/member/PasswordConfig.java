package org.iamdojo.training.member;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing for members. */
@Configuration(proxyBeanMethods = false)
public class PasswordConfig {

    /** bcrypt today, behind {id} prefixes so stored hashes can move to a newer scheme later. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
