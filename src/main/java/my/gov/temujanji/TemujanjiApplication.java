package my.gov.temujanji;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TemujanjiApplication {

    public static void main(String[] args) {
        SpringApplication.run(TemujanjiApplication.class, args);
    }
}
