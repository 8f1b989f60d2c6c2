package my.gov.temujanji.opening;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.opening.internal.WaitingRoom;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The fair opening as booking sees it: a hold of a day just released needs the waiting room's pass. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Opening implements HoldGate {

    private final WaitingRoom gate;

    @Override
    public void admit(String branch, String service, LocalDate date, UUID hold, UUID previous, Pass pass) {
        gate.admit(branch, service, date, hold, previous, pass.pass(), pass.client());
    }

    @Override
    public Optional<String> waitingRoom(String branch, String service, LocalDate date, Pass pass) {
        return gate.needsPass(service, date, pass.pass(), pass.client()) ? Optional.of(path(branch, service))
                : Optional.empty();
    }

    /** The waiting room's page for a branch and transaction type. */
    public static String path(String branch, String service) {
        return UriComponentsBuilder.fromPath("/menunggu").queryParam("branch", branch).queryParam("service", service)
                .build().encode().toUriString();
    }
}
