package my.gov.temujanji.schedule;

import java.time.LocalTime;

/** A time slot (slot masa) of one day, with the places it has and the places still free. */
public record SlotAvailability(LocalTime start, LocalTime end, int capacity, int placesLeft) {

    public boolean full() {
        return placesLeft <= 0;
    }
}
