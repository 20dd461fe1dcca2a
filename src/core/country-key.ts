/**
 * How a country as people write it is compared: "U.S.", "united states", "Deutschland",
 * "Côte d'Ivoire" and "ＵＳＡ" become letters and digits only, lower case, without accents. The
 * generated name table is keyed this way, so the table and the look-up cannot drift apart.
 */
export function countryKey(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().normalize('NFD').replace(/[\p{M}\p{P}\p{Z}\p{S}\s]+/gu, '');
}
