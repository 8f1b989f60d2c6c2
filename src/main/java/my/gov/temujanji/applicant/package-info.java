/**
 * The applicant (pemohon): what a person types about themselves and the rules it must meet (names,
 * MyKad and passport numbers, nationality, e-mail, mobile phone), shared by every capability that
 * takes an applicant's details (booking today; groups and the branch queue next). No tables.
 */
package my.gov.temujanji.applicant;
