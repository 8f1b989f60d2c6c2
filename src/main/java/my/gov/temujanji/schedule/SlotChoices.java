package my.gov.temujanji.schedule;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import my.gov.temujanji.platform.Choice;
import org.springframework.context.MessageSource;

/** A day's time slots as the radio buttons of a slots page: the places left under each, a full one shown but not choosable. */
public final class SlotChoices {

    private SlotChoices() {
    }

    /**
     * @param current the slot the applicant has now (a move), shown with {@code currentHint} and not
     *        choosable; null for none
     */
    public static List<Choice> of(List<SlotAvailability> slots, LocalTime current, String currentHint,
            MessageSource messages, Locale locale) {
        return slots.stream()
                .map(s -> {
                    boolean isCurrent = s.start().equals(current);
                    String hint = isCurrent ? currentHint
                            : s.full() ? messages.getMessage("slots.full", null, locale)
                            : messages.getMessage("slots.placesLeft", new Object[] {s.placesLeft()}, locale);
                    return new Choice(s.start().toString(), s.start() + " – " + s.end(), hint, isCurrent || s.full());
                })
                .toList();
    }
}
