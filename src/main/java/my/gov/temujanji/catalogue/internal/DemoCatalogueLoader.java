package my.gov.temujanji.catalogue.internal;

import java.util.List;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.DemoData;
import my.gov.temujanji.platform.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the sample catalogue from {@code demo/catalogue.yaml} on the first start against an empty
 * database. Safe when several nodes start at once: the first one in takes an advisory lock.
 */
@Component
@Order(DemoData.CATALOGUE_ORDER)
@ConditionalOnBooleanProperty(DemoData.ENABLED_PROPERTY)
@RequiredArgsConstructor
class DemoCatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogueLoader.class);

    record File(List<State> states, List<Type> services, List<Department> departments) {
    }

    record State(String code, LocalizedText name) {
    }

    record Type(String code, LocalizedText name, int slotMinutes, Integer leadDays, Integer windowMonths) {
    }

    record Department(String code, LocalizedText name, String state, List<Branch> branches) {
    }

    record Branch(String code, LocalizedText name, String state, String address, List<Offered> services) {
    }

    record Offered(String service, int capacity, Integer slotMinutes) {
    }

    private final JdbcClient jdbc;
    private final DemoData demoData;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.lockWhileEmpty("branch")) {
            return;
        }
        File file = demoData.read("demo/catalogue.yaml", File.class);
        file.states().forEach(s -> jdbc.sql("INSERT INTO state (code, name_ms, name_en) VALUES (?, ?, ?)")
                .params(s.code(), s.name().ms(), s.name().en()).update());
        file.services().forEach(t -> jdbc.sql("""
                        INSERT INTO transaction_type (code, name_ms, name_en, slot_minutes, lead_days, window_months)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(t.code(), t.name().ms(), t.name().en(), t.slotMinutes(),
                        t.leadDays() == null ? 1 : t.leadDays(), t.windowMonths() == null ? 3 : t.windowMonths())
                .update());
        int branches = 0;
        for (Department d : file.departments()) {
            jdbc.sql("INSERT INTO department (code, name_ms, name_en, state_code) VALUES (?, ?, ?, ?)")
                    .params(d.code(), d.name().ms(), d.name().en(), d.state()).update();
            for (Branch b : d.branches()) {
                jdbc.sql("""
                                INSERT INTO branch (code, department_code, state_code, name_ms, name_en, address)
                                VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(b.code(), d.code(), b.state() == null ? d.state() : b.state(),
                                b.name().ms(), b.name().en(), b.address())
                        .update();
                branches++;
                for (Offered o : b.services()) {
                    jdbc.sql("""
                                    INSERT INTO offering (branch_code, service_code, slot_minutes, capacity)
                                    SELECT ?, code, coalesce(?, slot_minutes), ? FROM transaction_type WHERE code = ?""")
                            .params(b.code(), o.slotMinutes(), o.capacity(), o.service())
                            .update();
                }
            }
        }
        log.info("Loaded the sample catalogue: {} departments, {} branches", file.departments().size(), branches);
    }
}
