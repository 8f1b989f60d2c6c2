package my.gov.temujanji.schedule.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.DemoData;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.schedule.WeeklyHours;
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
 * Loads the sample schedules on the first start: each branch's weekly hours (from the template its
 * state or itself names in {@code demo/catalogue.yaml}), the states' weekends, and the public holidays
 * of {@code demo/holidays.yaml}.
 */
@Component
@Order(DemoData.SCHEDULE_ORDER)
@ConditionalOnBooleanProperty(DemoData.ENABLED_PROPERTY)
@RequiredArgsConstructor
class DemoScheduleLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoScheduleLoader.class);
    private static final String ALL_STATES = "ALL";

    record Catalogue(Map<String, Map<DayOfWeek, List<String>>> hoursTemplates, List<State> states,
            List<Department> departments) {
    }

    record State(String code, List<DayOfWeek> weekend, String hours) {
    }

    record Department(String state, List<Branch> branches) {
    }

    record Branch(String code, String state, String hours) {
    }

    record Holidays(List<Holiday> holidays) {
    }

    /** {@code states} is a list of state codes or the single word ALL (less {@code except}). */
    record Holiday(LocalDate date, LocalizedText name, Object states, List<String> except, Boolean confirmed) {
    }

    private final JdbcClient jdbc;
    private final DemoData demoData;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.lockWhileEmpty("opening_hours")) {
            return;
        }
        Catalogue catalogue = demoData.read("demo/catalogue.yaml", Catalogue.class);
        Map<String, String> templateOfState = new java.util.HashMap<>();
        for (State state : catalogue.states()) {
            templateOfState.put(state.code(), state.hours());
            for (DayOfWeek day : state.weekend()) {
                jdbc.sql("INSERT INTO state_weekend (state_code, day_of_week) VALUES (?, ?)")
                        .params(state.code(), day.getValue()).update();
            }
        }
        for (Department department : catalogue.departments()) {
            for (Branch branch : department.branches()) {
                String state = branch.state() != null ? branch.state() : department.state();
                String template = branch.hours() != null ? branch.hours() : templateOfState.get(state);
                Map<DayOfWeek, List<String>> week = catalogue.hoursTemplates().get(template);
                if (week == null) {
                    throw new IllegalStateException("Branch " + branch.code() + " names unknown hours " + template);
                }
                week.forEach((day, intervals) -> intervals.stream().map(WeeklyHours.Interval::parse).forEach(i ->
                        jdbc.sql("INSERT INTO opening_hours (branch_code, day_of_week, opens, closes) VALUES (?, ?, ?, ?)")
                                .params(branch.code(), day.getValue(), i.opens(), i.closes()).update()));
            }
        }
        List<String> allStates = catalogue.states().stream().map(State::code).toList();
        List<Holiday> holidays = demoData.read("demo/holidays.yaml", Holidays.class).holidays();
        for (Holiday holiday : holidays) {
            List<String> states = statesOf(holiday, allStates);
            Long id = jdbc.sql("""
                            INSERT INTO closure (day, kind, name_ms, name_en, confirmed)
                            VALUES (?, ?, ?, ?, ?) RETURNING id""")
                    .params(holiday.date(), states.size() == allStates.size() || ALL_STATES.equals(holiday.states())
                                    ? "FEDERAL" : "STATE",
                            holiday.name().ms(), holiday.name().en(), !Boolean.FALSE.equals(holiday.confirmed()))
                    .query(Long.class).single();
            states.forEach(state -> jdbc.sql("INSERT INTO closure_state (closure_id, state_code) VALUES (?, ?)")
                    .params(id, state).update());
        }
        log.info("Loaded the sample schedules and {} public holidays", holidays.size());
    }

    private static List<String> statesOf(Holiday holiday, List<String> allStates) {
        List<String> except = holiday.except() == null ? List.of() : holiday.except();
        if (ALL_STATES.equals(holiday.states())) {
            return allStates.stream().filter(s -> !except.contains(s)).toList();
        }
        if (holiday.states() instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw new IllegalStateException("Holiday " + holiday.date() + " has states " + holiday.states());
    }
}
