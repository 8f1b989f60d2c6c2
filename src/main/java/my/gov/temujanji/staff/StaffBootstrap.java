package my.gov.temujanji.staff;

import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first accounts, at start. With the embedded database (the one-command default): a system
 * administrator {@code admin} when there is no enabled one, and with the demo data the demo counter
 * staff {@code pegawai} (OFFICER) and {@code pentadbir} (BRANCH_ADMIN) of Putrajaya HQ and Jalan Duta;
 * each gets a one-time password written once to the log. With an external database, the administrator
 * comes from {@code temujanji.staff.bootstrap-admin.*}, or no one is created and the log says how.
 *
 * <p>Safe when several nodes start together: the username's primary key lets one insert win
 * ({@code ON CONFLICT DO NOTHING}), and only the winner logs a password.
 */
@Component
@Order(DemoData.SCHEDULE_ORDER + 10)
@RequiredArgsConstructor
class StaffBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

    static final String ADMIN = "admin";
    static final List<String> DEMO_BRANCHES = List.of("HQ-PJY", "KUL-JALAN-DUTA");

    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final StaffProperties properties;
    private final Catalogue catalogue;
    private final Environment environment;
    private final Clock clock;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean embedded = environment.getProperty("temujanji.embedded-database.active", Boolean.class, false);
        StaffProperties.BootstrapAdmin configured = properties.bootstrapAdmin();
        if (!accounts.anyEnabledSystemAdmin()) {
            if (configured.configured()) {
                String username = StaffLogins.normalise(configured.username());
                if (create(username, "Pentadbir Sistem", Role.SYSTEM_ADMIN, List.of(), configured.passwordHash())) {
                    log.info("Created the system administrator '{}' from temujanji.staff.bootstrap-admin; "
                            + "they must change the password at first login", username);
                }
            } else if (embedded) {
                createWithOneTimePassword(ADMIN, "Pentadbir Sistem", Role.SYSTEM_ADMIN, List.of());
            } else {
                log.warn("No system administrator: set temujanji.staff.bootstrap-admin.username and "
                        + "temujanji.staff.bootstrap-admin.password-hash (e.g. {bcrypt} followed by the output of "
                        + "htpasswd -nbBC 12 '' 'password' without its leading ':') and restart");
            }
        }
        if (embedded && environment.getProperty(DemoData.ENABLED_PROPERTY, Boolean.class, true)
                && DEMO_BRANCHES.stream().allMatch(b -> catalogue.branch(b).isPresent())) {
            createWithOneTimePassword("pegawai", "Pegawai Kaunter (demo)", Role.OFFICER, DEMO_BRANCHES);
            createWithOneTimePassword("pentadbir", "Pentadbir Cawangan (demo)", Role.BRANCH_ADMIN, DEMO_BRANCHES);
        }
    }

    private void createWithOneTimePassword(String username, String displayName, Role role, List<String> branches) {
        String password = OneTimePasswords.next();
        if (create(username, displayName, role, branches, passwords.encode(password))) {
            log.warn("Created staff account '{}' ({}) with the one-time password {} - shown only this once; "
                    + "sign in at /staff/login and choose a new one", username, role, password);
        }
    }

    private boolean create(String username, String displayName, Role role, List<String> branches, String hash) {
        if (!accounts.create(username, displayName, role, branches, hash, true, clock.instant())) {
            return false;
        }
        audit.recordAs("system", "STAFF_ACCOUNT_CREATED", StaffLogins.SUBJECT, username, null, null,
                accounts.find(username).orElseThrow().snapshot());
        return true;
    }
}
