/**
 * Semak, batal atau tukar temujanji: the applicant finds their appointment with its reference and
 * document number, then cancels it or moves it, through booking's public API ({@code Booking}). Owns the
 * short-lived look-up drafts (table {@code manage_draft}).
 */
package my.gov.temujanji.selfservice;
