package my.gov.temujanji.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.booking.internal.AppointmentRepository;
import my.gov.temujanji.schedule.SlotInventory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control for the hoarding test, in test code only: the booking's own count and insert, in one
 * transaction, but without the advisory lock on the e-mail address that serialises them.
 */
@TestConfiguration(proxyBeanMethods = false)
class NaiveHoardingEndpoint {

    @RestController
    static class Controller {

        private final AppointmentRepository repository;
        private final SlotInventory inventory;
        private final TransactionTemplate transactions;
        private final Clock clock;

        Controller(AppointmentRepository repository, SlotInventory inventory, PlatformTransactionManager manager,
                Clock clock) {
            this.repository = repository;
            this.inventory = inventory;
            this.transactions = new TransactionTemplate(manager);
            this.clock = clock;
        }

        @PostMapping("/test/naive-appointments")
        ResponseEntity<Map<String, String>> book(@RequestParam String branch, @RequestParam String service,
                @RequestParam LocalDate date, @RequestParam LocalTime start, @RequestParam String document,
                @RequestParam String email, @RequestParam int limit) {
            return transactions.execute(status -> {
                Applicant applicant = new Applicant("Pemohon Kawalan", DocumentType.MYKAD, document, "MYS", email,
                        "+60123456789");
                AppointmentRepository.ActiveCounts active = repository.countActive(DocumentType.MYKAD, document, email,
                        service, LocalDateTime.now(clock));
                if (active.byEmail() >= limit) {
                    return ResponseEntity.status(409).body(Map.of("code", "TOO_MANY_APPOINTMENTS"));
                }
                pause(); // the work a real booking does between its count and its insert, under load
                String reference = Reference.generate();
                repository.insertAppointment(reference, AppointmentStatus.PENDING,
                        inventory.take(branch, service, date, start), applicant, "ms", "naive:" + reference, "-",
                        clock.instant(), null, null);
                return ResponseEntity.status(201).body(Map.of("reference", reference));
            });
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
