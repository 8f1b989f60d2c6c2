package my.gov.temujanji.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import my.gov.temujanji.staff.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff accounts for tests, with passwords the test knows, and their login through the real login
 * page: over HTTP with {@link Http#loginAs}, in a browser with {@link #login(WebDriver, String, Account)}.
 * Usernames are unique in the JVM, so tests sharing the database never meet.
 *
 * <pre>{@code
 * @Autowired JdbcClient jdbc;
 * @Autowired PasswordEncoder passwords;
 * StaffFixture staff = new StaffFixture(jdbc, passwords);
 * Http officer = new Http(port).loginAs(staff.officer("PRK-IPOH"));
 * }</pre>
 */
public final class StaffFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "kata-laluan-ujian-yang-panjang";

    /** A test account: {@code password} is what its owner types. */
    public record Account(String username, String password, Role role, List<String> branches) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public StaffFixture(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public Account officer(String... branches) {
        return create(Role.OFFICER, false, branches);
    }

    public Account branchAdmin(String... branches) {
        return create(Role.BRANCH_ADMIN, false, branches);
    }

    public Account systemAdmin() {
        return create(Role.SYSTEM_ADMIN, false);
    }

    /** An account as an administrator makes it: its owner must change the password at first login. */
    public Account create(Role role, boolean mustChangePassword, String... branches) {
        String username = "test-" + role.name().toLowerCase().replace('_', '-') + "-" + SEQUENCE.incrementAndGet();
        jdbc.sql("""
                INSERT INTO staff_account (username, display_name, password_hash, role, must_change_password, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(username, "Ujian " + username, passwords.encode(PASSWORD), role.name(), mustChangePassword,
                        Timestamp.from(Instant.now()))
                .update();
        for (String branch : branches) {
            jdbc.sql("INSERT INTO staff_branch (username, branch_code) VALUES (?, ?)").params(username, branch).update();
        }
        return new Account(username, PASSWORD, role, List.of(branches));
    }

    /** Signs in through the login page in a browser, as a person types it. */
    public static void login(WebDriver driver, String baseUrl, Account account) {
        driver.get(baseUrl + "/staff/login");
        driver.findElement(By.id("username")).sendKeys(account.username());
        driver.findElement(By.id("password")).sendKeys(account.password());
        Browser.follow(driver, By.cssSelector("form[action='/staff/login/attempt'] button[type='submit']"));
    }
}
