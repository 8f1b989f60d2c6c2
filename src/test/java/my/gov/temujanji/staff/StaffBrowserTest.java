package my.gov.temujanji.staff;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.StaffFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The back office in Chromium at phone width, under the Content-Security-Policy: a system administrator
 * creates an officer, who signs in with the one-time password, must choose a new one, and signs out.
 * Screenshots under {@code target/screenshots/staff-*}. Uses branch PRK-IPOH.
 */
@IntegrationTest
class StaffBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void anAdministratorCreatesAnOfficerWhoSignsInAndChoosesAPassword() {
        String base = "http://localhost:" + port;
        StaffFixture.Account admin = new StaffFixture(jdbc, passwords).systemAdmin();
        String oneTimePassword;
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver();
            StaffFixture.login(driver, base, admin);
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/staff");
            browser.screenshot("staff-home-admin");
            follow(driver, By.linkText("Akaun kakitangan"));
            follow(driver, By.linkText("Cipta akaun baharu"));
            follow(driver, By.cssSelector("form[action='/staff/admin/accounts'] button[type='submit']"));
            assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
                    .contains("Masukkan nama pengguna", "Masukkan nama", "Pilih peranan");
            assertThat(driver.switchTo().activeElement().getAttribute("class")).contains("error-summary"); // our script ran
            browser.screenshot("staff-new-account-errors");

            driver.findElement(By.id("username")).sendKeys("nurul.ipoh");
            driver.findElement(By.id("displayName")).sendKeys("Nurul Izzah binti Hassan");
            driver.findElement(By.id("role")).click();
            driver.findElement(By.cssSelector("input[name='branches'][value='PRK-IPOH']")).click();
            follow(driver, By.cssSelector("form[action='/staff/admin/accounts'] button[type='submit']"));
            oneTimePassword = driver.findElement(By.cssSelector("[data-one-time-password]")).getText();
            assertThat(oneTimePassword).matches("[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}");
            browser.screenshot("staff-one-time-password");
            follow(driver, By.cssSelector("[data-logout]"));
            assertThat(driver.findElement(By.cssSelector("[data-signed-out]")).getText()).isEqualTo("Anda telah log keluar.");
        }

        try (Browser browser = Browser.start(false)) {
            WebDriver driver = browser.driver();
            StaffFixture.login(driver, base,
                    new StaffFixture.Account("nurul.ipoh", oneTimePassword, Role.OFFICER, List.of("PRK-IPOH")));
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/staff/password");
            driver.findElement(By.id("currentPassword")).sendKeys(oneTimePassword);
            driver.findElement(By.id("newPassword")).sendKeys("bunga-raya-mekar-di-ipoh");
            driver.findElement(By.id("confirmPassword")).sendKeys("bunga-raya-mekar-di-ipoh");
            follow(driver, By.cssSelector("form[action='/staff/password'] button[type='submit']"));
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("Kata laluan anda telah ditukar.", "Selamat datang, Nurul Izzah binti Hassan");
            follow(driver, By.linkText("English"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Nurul Izzah binti Hassan");
            browser.screenshot("staff-home-officer-en");
        }
        assertThat(jdbc.sql("SELECT must_change_password FROM staff_account WHERE username = 'nurul.ipoh'")
                .query(Boolean.class).single()).isFalse();
    }
}
