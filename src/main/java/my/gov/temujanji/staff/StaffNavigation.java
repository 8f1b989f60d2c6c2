package my.gov.temujanji.staff;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The {@link StaffLink}s the signed-in member may follow, in order: the navigation fragment
 * ({@code staff/fragments :: nav}) and the home page read it as {@code @staffNavigation.links()}.
 */
@Component("staffNavigation")
public class StaffNavigation {

    private final List<StaffLink> all;
    private final CurrentStaff current;

    StaffNavigation(List<StaffLink> all, CurrentStaff current) {
        this.all = all.stream().sorted(Comparator.comparingInt(StaffLink::order).thenComparing(StaffLink::path))
                .toList();
        this.current = current;
    }

    public List<StaffLink> links() {
        return current.find().map(member -> all.stream().filter(l -> member.is(l.role())).toList())
                .orElse(List.of());
    }
}
