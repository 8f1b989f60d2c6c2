package my.gov.temujanji.catalogue;

import my.gov.temujanji.platform.LocalizedText;

/**
 * A transaction type (Urusniaga), called "service" in the API. Its booking window runs from today
 * plus {@code leadDays} to today plus {@code windowMonths} calendar months. Read through an
 * {@link Offering}, the window is the branch's own where it set one (see {@link BranchSettings}).
 * {@code emailConfirmation}: whether a booking waits for the code sent by e-mail; null follows the
 * application's default.
 */
public record TransactionType(String code, LocalizedText name, int slotMinutes, int leadDays, int windowMonths,
        Boolean emailConfirmation) {
}
