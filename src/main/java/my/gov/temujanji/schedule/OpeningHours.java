package my.gov.temujanji.schedule;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Changes to branches' weekly counter hours made by the back office. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OpeningHours {

    private final ScheduleRepository repository;

    /**
     * Gives a branch that has no hours yet the weekly hours of another branch (a new branch starts with
     * those of a branch that works like it), in the caller's transaction. Answers the intervals copied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int copy(String fromBranch, String toBranch) {
        return repository.copyHours(fromBranch, toBranch);
    }
}
