/**
 * Reports for the back office (laporan): per branch and day, the places the schedule offered and what
 * became of the appointments, as a page with a chart and as CSV. Staff see their own branches; a
 * system administrator sees every branch.
 */
package my.gov.temujanji.reports;
