package my.gov.temujanji.waitlist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.waitlist.internal.WaitlistRepository;
import org.springframework.stereotype.Service;

/** What other capabilities read of the waitlist: the release statistics, the back office and the e-mails. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Waitlists {

    private final WaitlistRepository repository;

    /**
     * How many places of a transaction type on the days {@code from} to {@code to} (inclusive) given back
     * were handed to the waitlist instead of the public, by branch (each place once, however many
     * applicants it was offered to); a branch with none is absent.
     */
    public Map<String, Integer> placesOfferedToWaitlist(String serviceCode, LocalDate from, LocalDate to) {
        return repository.placesOffered(serviceCode, from, to);
    }

    /** The lengths of the waitlists of these branches (all when null), by branch and transaction type. */
    public List<WaitlistLength> lengths(List<String> branchCodes) {
        return repository.lengths(branchCodes);
    }

    /** Whether applicants may join the waitlists of this transaction type now (staff switch it). */
    public boolean open(String serviceCode) {
        return repository.enabled(serviceCode);
    }

    /** What the e-mail about this entry or offer says, when sent now; empty for an unknown subject. */
    public Optional<WaitlistMail> mail(UUID subject) {
        return repository.mail(subject);
    }
}
