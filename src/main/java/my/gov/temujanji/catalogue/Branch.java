package my.gov.temujanji.catalogue;

import my.gov.temujanji.platform.LocalizedText;

/**
 * An office where applicants go (Bahagian / Cawangan / Unit). An inactive branch is hidden from
 * applicants and takes no booking; its past and booked appointments stay.
 */
public record Branch(String code, String departmentCode, String stateCode, LocalizedText name, String address,
        boolean active) {
}
