package org.iamdojo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole app on an in-memory database; every test class using it shares one cached Spring context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:hsqldb:mem:iamdojo-test",
        "iamdojo.admin-password=Adm1n-Test-Pass",
        "iamdojo.aws-endpoint.port=0"})
public @interface InMemoryAppTest {
}
