package my.gov.temujanji;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TemujanjiApplication {

    public static void main(String[] args) {
        SpringApplication.run(TemujanjiApplication.class, args);
    }
}
